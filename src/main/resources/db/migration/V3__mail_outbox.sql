-- The mail outbox: every e-mail is written here first, then sent by a job with retries.
create table mail_outbox (
    id            bigserial primary key,
    created_at    timestamptz  not null default now(),
    recipient     varchar(320) not null,
    subject       varchar(300) not null,
    body_text     text         not null,
    body_html     text,
    category      varchar(40)  not null default 'general',
    status        varchar(12)  not null default 'PENDING', -- PENDING, SENT, FAILED (gave up)
    attempts      int          not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error    text,
    sent_at       timestamptz
);
create index mail_outbox_pending on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_recipient on mail_outbox (lower(recipient), created_at desc);
create index mail_outbox_created on mail_outbox (created_at desc);
