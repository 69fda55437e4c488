-- Registrations: what the registration service and its job look up often.
-- The waiting list of an event in its order (promotion takes the first one).
create index agenda_registration_waiting on agenda_registration (event_id, waiting_since, id) where status = 'WAITING';
-- Offers to expire (the job looks for those past their time).
create index agenda_registration_offers on agenda_registration (offer_expires_at) where status = 'OFFERED';
-- A person's registrations by e-mail (registered by staff before they had an account).
create index agenda_registration_email on agenda_registration (lower(email));
