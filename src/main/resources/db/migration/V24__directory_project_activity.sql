-- What the projects module tells the directory about each structure's published projects, so
-- that the directory can count and filter them without depending on the projects module
-- (kept up to date through Directory.recordProjectActivity): how many published projects the
-- structure leads, in which countries and on which themes.
alter table organisation
    add column published_projects int not null default 0,
    add column project_countries varchar(2)[] not null default '{}',
    add column project_themes varchar(60)[] not null default '{}';
create index organisation_with_projects on organisation (id) where published_projects > 0;
