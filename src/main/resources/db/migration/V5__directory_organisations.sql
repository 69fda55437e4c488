-- The actors' directory: structures ("acteurs"), their people, their history.
create table organisation (
    id                  bigserial primary key,
    slug                varchar(160) not null unique,
    name                varchar(200) not null,
    name_key            varchar(200) not null,           -- folded name, for duplicate detection
    acronym             varchar(40),
    structure_type      varchar(40)  not null,           -- reference STRUCTURE_TYPES
    college             varchar(40)  not null,           -- reference COLLEGES
    siret               varchar(14),
    rna                 varchar(10),
    address_line        varchar(200),
    postal_code         varchar(5),
    city                varchar(120),
    departement         varchar(3),
    region              varchar(3),
    latitude            double precision,
    longitude           double precision,
    website             varchar(300),
    public_email        varchar(320),
    show_email          boolean not null default false,
    phone               varchar(30),
    show_phone          boolean not null default false,
    logo_key            varchar(200),
    description         text,
    year_founded        int,
    volunteers          int,
    employees           int,
    member              boolean not null default false,  -- adhérent du réseau
    status              varchar(20) not null,            -- PENDING, CHANGES_REQUESTED, PUBLISHED, REFUSED, MERGED
    moderation_message  text,
    merged_into_id      bigint references organisation (id),
    created_by          bigint,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    published_at        timestamptz,
    review_requested_at timestamptz,
    version             int not null default 0
);
create index organisation_status on organisation (status);
create index organisation_siret on organisation (siret) where siret is not null;
create index organisation_rna on organisation (rna) where rna is not null;
create index organisation_dep_name on organisation (departement, name_key);
create index organisation_updated on organisation (updated_at);

create table organisation_theme (
    organisation_id bigint not null references organisation (id) on delete cascade,
    theme_code      varchar(60) not null,
    primary key (organisation_id, theme_code)
);
create index organisation_theme_code on organisation_theme (theme_code);

create table organisation_country (
    organisation_id bigint not null references organisation (id) on delete cascade,
    position        int not null,
    country_code    varchar(2) not null,
    place           varchar(200),
    primary key (organisation_id, position)
);
create index organisation_country_code on organisation_country (country_code);

create table organisation_sdg (
    organisation_id bigint not null references organisation (id) on delete cascade,
    sdg             smallint not null,
    primary key (organisation_id, sdg)
);

create table organisation_keyword (
    organisation_id bigint not null references organisation (id) on delete cascade,
    keyword         varchar(80) not null,
    primary key (organisation_id, keyword)
);

-- Who may edit a structure: its admins (who also approve join requests) and editors.
create table organisation_member (
    organisation_id bigint not null references organisation (id) on delete cascade,
    person_id       bigint not null,
    role            varchar(10) not null,                -- ADMIN, EDITOR
    since           timestamptz not null default now(),
    primary key (organisation_id, person_id)
);
create index organisation_member_person on organisation_member (person_id);

create table organisation_join_request (
    id              bigserial primary key,
    organisation_id bigint not null references organisation (id) on delete cascade,
    person_id       bigint not null,
    message         text,
    status          varchar(10) not null default 'PENDING', -- PENDING, APPROVED, REFUSED
    created_at      timestamptz not null default now(),
    decided_at      timestamptz,
    decided_by      bigint
);
create index organisation_join_request_org on organisation_join_request (organisation_id, status);

-- Every change of a structure: who, when, what (a JSON snapshot of the record after the change).
create table organisation_revision (
    id              bigserial primary key,
    organisation_id bigint not null references organisation (id) on delete cascade,
    at              timestamptz not null default now(),
    actor_id        bigint,
    actor_name      varchar(200),
    kind            varchar(20) not null,                -- CREATED, UPDATED, APPROVED, CHANGES_REQUESTED, REFUSED, MERGED, REVERTED, REVIEW_ASKED
    summary         text,
    snapshot        jsonb not null
);
create index organisation_revision_org on organisation_revision (organisation_id, at desc);
