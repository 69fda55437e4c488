-- Files attached to an outgoing e-mail (an event's .ics invitation...), sent with it.
create table mail_attachment (
    id           bigserial primary key,
    mail_id      bigint       not null references mail_outbox (id) on delete cascade,
    position     int          not null,
    filename     varchar(200) not null,
    content_type varchar(120) not null,
    content      bytea        not null,
    unique (mail_id, position)
);
