-- Platform tables shared by every module. Numbering: V1 shared, V2 reference, V3 mail, V4 accounts, V5+ directory, then one number per change, global.

-- ShedLock: scheduled jobs run on one node at a time (cluster-safe).
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);

-- Staff actions, kept for accountability ("qui a fait quoi").
create table staff_action (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    actor_id    bigint,
    actor_email varchar(320),
    action      varchar(80) not null,
    target_type varchar(40),
    target_id   bigint,
    details     text
);
create index staff_action_at on staff_action (at desc);
create index staff_action_target on staff_action (target_type, target_id);
