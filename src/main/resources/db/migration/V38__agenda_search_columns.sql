-- What the agenda's views and feeds filter on, computed once per change instead of once per row
-- and query.
--
-- The calendar feeds' ETag and Last-Modified come from the latest change of any event: read
-- from an index instead of a scan of every event.
create index agenda_event_updated on agenda_event (updated_at);

-- The text filter (?q=) matches the title, summary and town folded to lower case without
-- accents: the same expression AgendaSearch used to compute for every row of every query, kept
-- by PostgreSQL with the row.
alter table agenda_event add column search_folded text generated always as (
    translate(lower(title || ' ' || coalesce(summary, '') || ' ' || coalesce(city, '')),
              'àâäéèêëîïôöùûüçœæ', 'aaaeeeeiioouuucoa')) stored;
