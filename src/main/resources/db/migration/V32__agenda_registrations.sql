-- Registrations to events. A registration belongs to a person with an account (person_id) or,
-- when staff register someone without one, only to a name and an address.
--
-- Capacity: the registration service locks the event row (select ... for update) before
-- counting the places taken (CONFIRMED and OFFERED) and deciding; so simultaneous
-- registrations queue on that lock and the capacity is never exceeded.
create table agenda_registration (
    id                bigserial primary key,
    event_id          bigint       not null references agenda_event (id) on delete cascade,
    person_id         bigint,
    email             varchar(320) not null,
    full_name         varchar(200) not null,
    organisation_id   bigint references organisation (id) on delete set null,  -- the structure represented
    organisation_name varchar(300),            -- as typed, or the structure's name at registration
    college           varchar(40),             -- collège of the structure (for the activity report)
    departement       varchar(3),              -- of the structure, else as given
    status            varchar(16)  not null,   -- PENDING (on approval), CONFIRMED, WAITING, OFFERED (promoted, to confirm),
                                               -- CANCELLED, REFUSED, EXPIRED (offer not confirmed in time)
    waiting_since     timestamptz,             -- order of the waiting list
    offer_expires_at  timestamptz,             -- OFFERED: the place goes to the next one after this
    attended          boolean,                 -- null: not marked yet
    cancel_token      varchar(64)  not null unique,  -- links in e-mails (cancel, confirm an offer, satisfaction form)
    registered_by     bigint,                  -- staff who registered someone else
    reminder_sent_at  timestamptz,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    cancelled_at      timestamptz
);
create index agenda_registration_event on agenda_registration (event_id, status);
create index agenda_registration_person on agenda_registration (person_id);
create index agenda_registration_organisation on agenda_registration (organisation_id);
-- one live registration per person and event
create unique index agenda_registration_once on agenda_registration (event_id, lower(email))
    where status in ('PENDING', 'CONFIRMED', 'WAITING', 'OFFERED');

create table agenda_registration_session (
    registration_id bigint not null references agenda_registration (id) on delete cascade,
    session_id      bigint not null references agenda_session (id) on delete cascade,
    primary key (registration_id, session_id)
);
create index agenda_registration_session_session on agenda_registration_session (session_id);

create table agenda_registration_answer (
    registration_id bigint not null references agenda_registration (id) on delete cascade,
    question_id     bigint not null references agenda_question (id) on delete cascade,
    answer          text   not null,
    primary key (registration_id, question_id)
);

-- Satisfaction after a training session (one per registration), scores 1..5.
create table agenda_satisfaction (
    id              bigserial primary key,
    registration_id bigint not null unique references agenda_registration (id) on delete cascade,
    event_id        bigint not null references agenda_event (id) on delete cascade,
    overall         smallint not null check (overall between 1 and 5),
    content         smallint check (content between 1 and 5),
    trainer         smallint check (trainer between 1 and 5),
    organisation    smallint check (organisation between 1 and 5),
    usefulness      smallint check (usefulness between 1 and 5),
    would_recommend boolean,
    comment         text,
    created_at      timestamptz not null default now()
);
create index agenda_satisfaction_event on agenda_satisfaction (event_id);
