-- Projects of the directory's structures, with everything IATI 2.03 can carry about them.
create table project (
    id                  bigserial primary key,
    slug                varchar(180) not null unique,
    organisation_id     bigint not null references organisation (id),  -- the lead ("reporting") structure
    iati_identifier     varchar(200) unique,                  -- set on import, or when first exported
    title               varchar(300) not null,
    summary             varchar(600),
    description         text,
    activity_status     varchar(2) not null,                  -- IATI ActivityStatus (1..6)
    planned_start       date,
    planned_end         date,
    actual_start        date,
    actual_end          date,
    total_budget        numeric(16, 2),                       -- sum of the fundings, in budget_currency
    budget_currency     varchar(3) not null default 'EUR',
    lessons_worked      text,                                 -- capitalisation: what worked
    lessons_failed      text,                                 -- what did not
    lessons_advice      text,                                 -- advice to whoever does it next
    publication         varchar(12) not null,                 -- DRAFT, PUBLISHED, HIDDEN (by staff)
    moderation_message  text,
    exemplary           boolean not null default false,
    source              varchar(10) not null default 'LOCAL', -- LOCAL, IATI (imported)
    created_by          bigint,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    published_at        timestamptz,
    version             int not null default 0
);
create index project_organisation on project (organisation_id);
create index project_publication on project (publication);
create index project_updated on project (updated_at);

create table project_place (
    project_id   bigint not null references project (id) on delete cascade,
    position     int not null,
    country_code varchar(2) not null,
    place        varchar(200),
    latitude     double precision,
    longitude    double precision,
    primary key (project_id, position)
);
create index project_place_country on project_place (country_code);

create table project_theme (
    project_id bigint not null references project (id) on delete cascade,
    theme_code varchar(60) not null,
    primary key (project_id, theme_code)
);

create table project_sdg (
    project_id bigint not null references project (id) on delete cascade,
    sdg        smallint not null,
    primary key (project_id, sdg)
);

-- Sectors with their share; shares sum to 100 within one vocabulary (IATI SectorVocabulary: 1 = DAC 5 digits, 2 = DAC 3 digits).
create table project_sector (
    project_id bigint not null references project (id) on delete cascade,
    position   int not null,
    vocabulary varchar(3) not null,
    code       varchar(20) not null,
    percentage numeric(5, 2) not null,
    primary key (project_id, position)
);
create index project_sector_code on project_sector (code);

-- Partners: a structure of the directory (organisation_id) or an outside one (name, type, country).
create table project_partner (
    project_id      bigint not null references project (id) on delete cascade,
    position        int not null,
    organisation_id bigint references organisation (id) on delete set null,
    name            varchar(300),
    iati_ref        varchar(200),
    org_type        varchar(3),                              -- IATI OrganisationType
    country_code    varchar(2),
    role            varchar(1) not null,                     -- IATI OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing
    primary key (project_id, position)
);
create index project_partner_org on project_partner (organisation_id) where organisation_id is not null;

-- Funding sources: who pays how much.
create table project_funding (
    project_id      bigint not null references project (id) on delete cascade,
    position        int not null,
    funder_kind     varchar(30) not null,                    -- MEAE, AFD, REGION, DEPARTEMENT, COMMUNE, EU, FOUNDATION, AGENCE_EAU, PRIVATE, OWN, OTHER
    funder_name     varchar(300),
    organisation_id bigint references organisation (id) on delete set null,
    amount          numeric(16, 2) not null,
    currency        varchar(3) not null,
    year            int,
    primary key (project_id, position)
);

-- Photos, videos, web links and documents.
create table project_link (
    project_id bigint not null references project (id) on delete cascade,
    position   int not null,
    kind       varchar(10) not null,                         -- PHOTO, VIDEO, WEB, DOCUMENT
    title      varchar(300),
    url        varchar(1000),                                -- an outside address
    file_key   varchar(200),                                 -- or a stored file
    media_type varchar(100),
    primary key (project_id, position)
);
