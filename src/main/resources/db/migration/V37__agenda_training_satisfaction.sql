-- Satisfaction after a training session: when the invitation to the form was sent to a
-- participant (once per registration; null: not yet, or not to be sent).
alter table agenda_registration add column satisfaction_sent_at timestamptz;
