-- IATI imports: one row per uploaded file, from the analysis (schema validation, preview) to the
-- final report. The page that shows an import reads this row, so its progress survives a reload,
-- a closed browser or a restart of the server.
create table iati_import (
    id               bigserial primary key,
    created_by       bigint not null,                 -- person who uploaded the file
    created_by_name  varchar(200),
    created_by_email varchar(320),
    locale           varchar(10) not null default 'fr',
    staff            boolean not null default false,  -- uploaded by staff: may import for any structure
    organisation_id  bigint references organisation (id) on delete set null,  -- structure the new projects go to; null: the reporting organisation decides (staff only)
    file_name        varchar(300) not null,
    file_path        varchar(500),                    -- the uploaded file on disk, while it is needed
    file_size        bigint not null,
    status           varchar(20) not null,            -- ANALYSING, UNREADABLE, INVALID, READY, QUEUED, RUNNING, DONE, FAILED
    lenient          boolean not null default false,  -- import in spite of schema errors, with warnings
    mode             varchar(20),                     -- ADD_ONLY, ADD_AND_UPDATE (chosen after the preview)
    publish          boolean not null default false,  -- publish the new projects (else drafts)
    activities       int not null default 0,          -- activities in the file
    done             int not null default 0,          -- activities handled so far by the run
    created          int not null default 0,
    updated          int not null default 0,
    skipped          int not null default 0,
    failed           int not null default 0,
    analysis         jsonb,                           -- schema errors with their line, preview counts, organisations
    report           jsonb,                           -- outcome of the run: warnings, skipped and failed activities
    error_key        varchar(100),                    -- why the file was refused or the run stopped (message key)
    error_detail     varchar(1000),
    created_at       timestamptz not null default now(),
    analysed_at      timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    heartbeat_at     timestamptz                      -- last sign of life of the analysis or the run
);
create index iati_import_created_by on iati_import (created_by, created_at desc);
create index iati_import_status on iati_import (status);

-- IATI organisations (reporting or participating) linked to structures of the directory. A link
-- found by name is PROPOSED until staff confirm it (or reject it) at /admin/iati/organisations;
-- CONFIRMED links are used by later imports (by IATI identifier, else by name).
create table iati_organisation (
    id              bigserial primary key,
    ref             varchar(200),                    -- IATI organisation identifier, when the file gives one
    name            varchar(300) not null,
    name_key        varchar(300) not null,           -- folded name (lower case, no accents)
    organisation_id bigint not null references organisation (id) on delete cascade,
    status          varchar(12) not null,            -- PROPOSED, CONFIRMED, REJECTED
    import_id       bigint references iati_import (id) on delete set null,
    decided_by      bigint,
    decided_at      timestamptz,
    created_at      timestamptz not null default now()
);
create unique index iati_organisation_unique on iati_organisation (coalesce(ref, ''), name_key, organisation_id);
create index iati_organisation_ref on iati_organisation (ref) where ref is not null;
create index iati_organisation_name on iati_organisation (name_key);

-- The network's IATI export reads the published projects structure by structure, in pages.
create index project_export on project (organisation_id, id) where publication = 'PUBLISHED';
