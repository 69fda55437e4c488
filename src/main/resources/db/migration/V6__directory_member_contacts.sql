-- The directory tells people by e-mail when their structure is moderated or someone asks to join it.
-- The accounts module is the reference for a person's address and language; the directory keeps
-- the contact a person had when they joined or asked to join (a fallback, and the history of who asked).
alter table organisation_member add column email varchar(320);
alter table organisation_member add column display_name varchar(200);
alter table organisation_member add column locale varchar(10);

alter table organisation_join_request add column email varchar(320);
alter table organisation_join_request add column display_name varchar(200);
alter table organisation_join_request add column locale varchar(10);
create index organisation_join_request_person on organisation_join_request (person_id, status);
