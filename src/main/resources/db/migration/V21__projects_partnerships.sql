-- Decentralised cooperation: partnerships between a French local authority of the directory
-- (organisation with structure_type 'collectivite') and a foreign authority.
create table partnership (
    id                 bigserial primary key,
    organisation_id    bigint not null references organisation (id),  -- the French local authority
    french_level       varchar(20) not null,          -- COMMUNE, INTERCOMMUNALITE, DEPARTEMENT, REGION, OTHER
    partner_name       varchar(200) not null,         -- the foreign authority
    partner_level      varchar(20) not null,          -- MUNICIPALITY, INTERMUNICIPAL, PROVINCE, STATE, OTHER
    partner_country    varchar(2) not null,           -- ISO 3166 alpha-2
    partner_region     varchar(200),                  -- region, province or place
    signed_on          date,                          -- convention signature
    starts_on          date,
    ends_on            date,
    status             varchar(10) not null,          -- PLANNED, ACTIVE, DORMANT, ENDED
    description        text,                          -- Markdown
    elected_name       varchar(200),                  -- the elected official in charge
    elected_role       varchar(200),
    elected_email      varchar(320),                  -- shown to staff only
    officer_name       varchar(200),                  -- the staff member in charge of international relations
    officer_role       varchar(200),
    officer_email      varchar(320),                  -- shown to staff only
    created_by         bigint,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            int not null default 0,
    constraint partnership_dates check (ends_on is null or starts_on is null or ends_on > starts_on)
);
create index partnership_organisation on partnership (organisation_id);
create index partnership_country on partnership (partner_country);

create table partnership_theme (
    partnership_id bigint not null references partnership (id) on delete cascade,
    theme_code     varchar(60) not null,
    primary key (partnership_id, theme_code)
);

-- Projects of the directory carried out within the partnership.
create table partnership_project (
    partnership_id bigint not null references partnership (id) on delete cascade,
    project_id     bigint not null references project (id) on delete cascade,
    primary key (partnership_id, project_id)
);
create index partnership_project_project on partnership_project (project_id);
