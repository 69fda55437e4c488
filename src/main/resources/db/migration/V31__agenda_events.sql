-- The network's agenda: events (trainings, workshops, regional meetings...), their programme of
-- sessions, registration settings and custom questions, training modules, and the materialised
-- occurrences every view and feed reads.
--
-- Times: an event is written in wall-clock time of its time zone (Europe/Paris): local_start and
-- local_end. Repeating events repeat in wall-clock time (a weekly 18:00 meeting stays at 18:00
-- across the daylight-saving change). agenda_occurrence holds every occurrence as instants
-- (timestamptz), recomputed on every change of the event: views and feeds read only that table.

create table agenda_training_module (
    id             bigserial primary key,
    slug           varchar(180) not null unique,
    title          varchar(300) not null,
    summary        varchar(600),
    objectives     text not null,           -- Markdown
    prerequisites  text,                    -- Markdown
    duration_hours numeric(5, 1),           -- e.g. 14 (two days), 3.5
    audience       varchar(300),
    trainer        varchar(300),
    active         boolean not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        int not null default 0
);

create table agenda_training_module_theme (
    module_id  bigint not null references agenda_training_module (id) on delete cascade,
    theme_code varchar(60) not null,
    primary key (module_id, theme_code)
);

create table agenda_event (
    id                    bigserial primary key,
    slug                  varchar(180) not null unique,
    type                  varchar(20)  not null,  -- EventType
    title                 varchar(300) not null,
    summary               varchar(600),
    description           text,                   -- Markdown
    time_zone             varchar(40)  not null default 'Europe/Paris',
    all_day               boolean      not null default false,
    local_start           timestamp    not null,  -- wall-clock (for all-day events: the first day at 00:00)
    local_end             timestamp    not null,  -- wall-clock (for all-day events: the last day at 00:00)
    starts_at             timestamptz  not null,  -- first occurrence, as an instant
    ends_at               timestamptz  not null,  -- end of the last occurrence (or of the first when repeating without end)
    repeat_frequency      varchar(10),            -- null, WEEKLY, MONTHLY
    repeat_interval       int          not null default 1,
    repeat_until          date,                   -- last day an occurrence may start (inclusive)
    repeat_count          int,                    -- or a number of occurrences
    format                varchar(10)  not null,  -- IN_PERSON, ONLINE, HYBRID
    venue_name            varchar(200),
    street                varchar(300),
    postal_code           varchar(10),
    city                  varchar(120),
    departement           varchar(3),             -- from the postal code
    latitude              double precision,
    longitude             double precision,
    online_url            varchar(500),
    audience              varchar(300),
    free                  boolean      not null default true,
    price                 varchar(300),           -- when not free: "20 €, 10 € pour les adhérents"
    accessibility         text,                   -- step-free access, sign language, hearing loop...
    report                text,                   -- Markdown, written after the event (minutes, restitution)
    training_module_id    bigint references agenda_training_module (id) on delete set null,
    -- registration
    registration_mode     varchar(10)  not null default 'NONE',  -- NONE, OPEN, APPROVAL, EXTERNAL
    registration_url      varchar(500),           -- EXTERNAL: where people register
    registration_deadline timestamptz,            -- null: until the event starts
    capacity              int,                    -- null: unlimited
    waiting_list          boolean      not null default true,
    ask_structure         boolean      not null default true,   -- "which structure do you represent?"
    -- publication
    status                varchar(12)  not null,  -- PENDING (proposed by a member), PUBLISHED, REFUSED, CANCELLED
    moderation_message    text,
    proposed_by           bigint,                 -- person who proposed or created it
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    published_at          timestamptz,
    version               int          not null default 0,
    constraint agenda_event_dates check (local_end >= local_start),
    constraint agenda_event_capacity check (capacity is null or capacity >= 0),
    constraint agenda_event_interval check (repeat_interval >= 1)
);
create index agenda_event_status on agenda_event (status);
create index agenda_event_module on agenda_event (training_module_id);

create table agenda_event_organisation (   -- organising structures of the directory
    event_id        bigint not null references agenda_event (id) on delete cascade,
    position        int    not null,
    organisation_id bigint not null references organisation (id) on delete cascade,
    primary key (event_id, position)
);
create index agenda_event_organisation_org on agenda_event_organisation (organisation_id);

create table agenda_event_theme (
    event_id   bigint not null references agenda_event (id) on delete cascade,
    theme_code varchar(60) not null,
    primary key (event_id, theme_code)
);

create table agenda_event_country (
    event_id     bigint not null references agenda_event (id) on delete cascade,
    country_code varchar(2) not null,
    primary key (event_id, country_code)
);

-- Dates (wall-clock, in the event's zone) on which a repeating event does not take place.
create table agenda_event_exception (
    event_id bigint not null references agenda_event (id) on delete cascade,
    day      date   not null,
    primary key (event_id, day)
);

create table agenda_event_document (
    event_id   bigint not null references agenda_event (id) on delete cascade,
    position   int    not null,
    title      varchar(300) not null,
    file_key   varchar(200),           -- an uploaded file (FileStorage), or
    url        varchar(500),           -- a link
    media_type varchar(120),
    size_bytes bigint,
    after_event boolean not null default false,  -- part of the report (slides, minutes...)
    primary key (event_id, position)
);

-- The programme: sessions inside an event (the Agora's parallel workshops), each with its own
-- capacity, chosen at registration.
create table agenda_session (
    id          bigserial primary key,
    event_id    bigint not null references agenda_event (id) on delete cascade,
    position    int    not null,
    title       varchar(300) not null,
    description text,
    local_start timestamp,
    local_end   timestamp,
    room        varchar(200),
    speakers    varchar(500),
    capacity    int,
    constraint agenda_session_capacity check (capacity is null or capacity >= 0),
    constraint agenda_session_dates check (local_end is null or local_start is null or local_end >= local_start),
    unique (event_id, position) deferrable initially deferred
);

-- Custom registration questions (dietary needs, accessibility needs, ...).
create table agenda_question (
    id       bigserial primary key,
    event_id bigint not null references agenda_event (id) on delete cascade,
    position int    not null,
    label    varchar(300) not null,
    kind     varchar(10)  not null,  -- TEXT, YES_NO, CHOICE
    choices  text,                   -- CHOICE: one per line
    required boolean not null default false,
    unique (event_id, position) deferrable initially deferred
);

-- Every occurrence of every event, as instants; rewritten when the event changes.
create table agenda_occurrence (
    event_id   bigint      not null references agenda_event (id) on delete cascade,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    start_day  date        not null,  -- wall-clock days in the event's zone, for the month view
    end_day    date        not null,
    primary key (event_id, starts_at)
);
create index agenda_occurrence_range on agenda_occurrence (starts_at, ends_at);
create index agenda_occurrence_days on agenda_occurrence (start_day, end_day);
