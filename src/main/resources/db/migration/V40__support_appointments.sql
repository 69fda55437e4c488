-- Appointments with the network's team ("rendez-vous d'accompagnement"), module support.
--
-- Availability is written in wall-clock time (Europe/Paris): a weekly rule "Tuesday 14:00-17:00"
-- gives 14:00 slots in winter and in summer alike. Appointments keep both their wall-clock times
-- (what people read, what the .ics carries) and their instants (what is compared and sorted).
-- Staff and members are people of the accounts module, referred to by id (no foreign key: the
-- module owns its rows; a deleted person is anonymised by the module's listener).

-- How a staff member presents themself to members: "Camille Martin, chargée d'accompagnement".
create table support_staff_profile (
    person_id    bigint       primary key,
    display_name varchar(120) not null,
    role_line    varchar(160),
    updated_at   timestamptz  not null default now()
);

-- Weekly opening hours of a staff member, cut into slots of slot_minutes.
create table support_availability_rule (
    id           bigserial    primary key,
    staff_id     bigint       not null,
    weekday      smallint     not null check (weekday between 1 and 7),   -- ISO: 1 Monday ... 7 Sunday
    start_time   time         not null,
    end_time     time         not null,
    slot_minutes smallint     not null check (slot_minutes between 10 and 480),
    mode         varchar(10)  not null check (mode in ('IN_PERSON', 'VIDEO', 'BOTH')),
    place        varchar(300),                 -- IN_PERSON, BOTH: where
    video_url    varchar(500),                 -- VIDEO, BOTH: the meeting link
    valid_from   date,                         -- null: from now on
    valid_until  date,                         -- null: until further notice
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    check (end_time > start_time),
    check (valid_from is null or valid_until is null or valid_until >= valid_from)
);
create index support_availability_rule_staff on support_availability_rule (staff_id, weekday);

-- Exceptions to the weekly rules: CLOSED (holidays, a mission abroad: whole days from first_day to
-- last_day, or the same hours on each of those days) or OPEN (an extra opening on one day).
create table support_availability_exception (
    id           bigserial    primary key,
    staff_id     bigint       not null,
    kind         varchar(6)   not null check (kind in ('CLOSED', 'OPEN')),
    first_day    date         not null,
    last_day     date         not null,
    start_time   time,                         -- null (with end_time): whole days
    end_time     time,
    slot_minutes smallint     check (slot_minutes between 10 and 480),   -- OPEN only
    mode         varchar(10)  check (mode in ('IN_PERSON', 'VIDEO', 'BOTH')),
    place        varchar(300),
    video_url    varchar(500),
    reason       varchar(300),                 -- for the team only
    created_at   timestamptz  not null default now(),
    check (last_day >= first_day),
    check ((start_time is null) = (end_time is null)),
    check (end_time is null or end_time > start_time),
    check (kind = 'CLOSED' or (start_time is not null and slot_minutes is not null and mode is not null and first_day = last_day))
);
create index support_availability_exception_staff on support_availability_exception (staff_id, last_day);

create table support_appointment (
    id                bigserial    primary key,
    token             varchar(64)  not null unique,   -- the person's link (/rendez-vous/{token}), no sign-in needed
    uid               varchar(120) not null unique,   -- iCalendar UID, stable across moves
    sequence          int          not null default 0, -- iCalendar SEQUENCE, incremented on each move and on cancellation
    staff_id          bigint       not null,
    person_id         bigint       not null,
    person_name       varchar(200) not null,           -- as when booked (the person's contact for this appointment)
    person_email      varchar(320) not null,
    locale            varchar(5)   not null default 'fr',
    organisation_id   bigint       references organisation (id) on delete set null,
    organisation_name varchar(300) not null,
    subject           varchar(30)  not null,
    message           text,
    mode              varchar(10)  not null check (mode in ('IN_PERSON', 'VIDEO')),
    place             varchar(300),
    video_url         varchar(500),
    local_start       timestamp    not null,           -- Europe/Paris wall-clock
    local_end         timestamp    not null,
    starts_at         timestamptz  not null,
    ends_at           timestamptz  not null,
    status            varchar(10)  not null check (status in ('BOOKED', 'CANCELLED', 'DONE', 'NO_SHOW')),
    cancelled_by      varchar(10)  check (cancelled_by in ('PERSON', 'STAFF')),
    cancel_reason     text,
    cancelled_at      timestamptz,
    -- the team's private follow-up: never shown to the person, never in e-mails or exports
    notes             text,
    next_steps        text,
    notes_updated_at  timestamptz,
    notes_updated_by  bigint,
    notes_version     int          not null default 0,
    reminder_sent_at  timestamptz,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    check (ends_at > starts_at)
);
-- Two people never get the same slot: one live appointment per staff member and start. Bookings
-- also take a per-staff transaction lock and check the slot again before inserting.
create unique index support_appointment_slot on support_appointment (staff_id, starts_at) where status <> 'CANCELLED';
create index support_appointment_staff on support_appointment (staff_id, starts_at);
create index support_appointment_person on support_appointment (person_id, starts_at);
create index support_appointment_organisation on support_appointment (organisation_id, starts_at desc);
create index support_appointment_reminder on support_appointment (local_start) where status = 'BOOKED' and reminder_sent_at is null;
