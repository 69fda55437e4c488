-- "Prendre contact": messages a signed-in person relays to a structure's contacts through the
-- site. Only the metadata is kept (who wrote to which structure, when, on behalf of which of
-- their structures): the rate limits count these rows, and staff read them to handle abuse.
-- The text itself only exists in the relayed e-mails (mail_outbox).
create table directory_contact_message (
    id               bigserial primary key,
    created_at       timestamptz  not null default now(),
    sender_id        bigint       not null,
    sender_name      varchar(200),
    organisation_id  bigint       not null references organisation (id) on delete cascade,
    on_behalf_of_id  bigint       references organisation (id) on delete set null,
    recipient_count  int          not null,
    subject_length   int          not null,
    body_length      int          not null
);
create index directory_contact_message_sender on directory_contact_message (sender_id, created_at desc);
create index directory_contact_message_created on directory_contact_message (created_at desc);
create index directory_contact_message_organisation on directory_contact_message (organisation_id, created_at desc);

-- Relayed messages go out with the sender as Reply-To (the sender agreed to it on the form).
alter table mail_outbox add column reply_to varchar(320);
