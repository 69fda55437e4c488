-- The calendar feeds' ETag and Last-Modified come from the latest change of any event: read from
-- this index instead of a scan of every event.
create index agenda_event_updated on agenda_event (updated_at);
