-- ANALYZE sorts a sample of each column's values to estimate how many rows a filter on it keeps. These columns hold
-- documents (JSON, message bodies, errors) that no query filters on, and sorting them was most of the work: while the
-- tables were growing, each ANALYZE of notify_alert took 0.3 s of a core and stalled alerts in flight. They are left
-- out of the statistics; the columns queries do filter on keep theirs.
alter table notify_alert
    alter column change set statistics 0,
    alter column subscription set statistics 0,
    alter column matched set statistics 0;
alter table notify_delivery
    alter column payload set statistics 0,
    alter column last_error set statistics 0;
alter table notify_measure
    alter column state set statistics 0;
alter table notify_attempt
    alter column error set statistics 0;
