-- Accounts: people, their roles, one-time tokens (e-mail verification, password reset, first
-- administrator setup), "remember me" logins and failed login attempts (rate limiting).

create table person (
    id                  bigserial    primary key,
    email               varchar(320) not null,              -- stored lower-case, unique
    display_name        varchar(120) not null,
    password_hash       varchar(200),                       -- {bcrypt}...; null once deleted
    role                varchar(12)  not null default 'MEMBER' check (role in ('MEMBER', 'STAFF', 'ADMIN')),
    email_verified      boolean      not null default false,
    locale              varchar(8)   not null default 'fr',
    privacy_accepted_at timestamptz,                        -- consent to the privacy policy at sign-up
    created_at          timestamptz  not null default now(),
    last_login_at       timestamptz,
    deleted_at          timestamptz                         -- anonymised at the person's request
);
create unique index person_email_unique on person (lower(email));
create index person_role on person (role) where role <> 'MEMBER';

-- One-time tokens: only their SHA-256 hash is stored.
create table account_token (
    id          bigserial   primary key,
    person_id   bigint      references person (id) on delete cascade, -- null for the SETUP token
    purpose     varchar(16) not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'SETUP')),
    token_hash  char(64)    not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index account_token_person on account_token (person_id, purpose);

-- Spring Security's persistent "remember me" tokens (JdbcTokenRepositoryImpl).
create table persistent_logins (
    username  varchar(320) not null,
    series    varchar(64)  primary key,
    token     varchar(64)  not null,
    last_used timestamp    not null
);
create index persistent_logins_username on persistent_logins (username);

-- Failed login attempts, by e-mail and by client address, for rate limiting.
create table login_failure (
    id       bigserial    primary key,
    kind     varchar(8)   not null check (kind in ('EMAIL', 'IP')),
    subject  varchar(320) not null,
    at       timestamptz  not null default now()
);
create index login_failure_subject on login_failure (kind, subject, at desc);
