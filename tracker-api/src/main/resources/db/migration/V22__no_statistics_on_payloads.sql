-- As V21 does for the notifier's documents: no query filters on a stored event's serialized payload or metadata, nor
-- on a measure's details or a chain link's hashes, so ANALYZE need not sort them.
alter table domainevententry
    alter column payload set statistics 0,
    alter column metadata set statistics 0;
alter table snapshotevententry
    alter column payload set statistics 0,
    alter column metadata set statistics 0;
alter table measure
    alter column details set statistics 0;
alter table event_chain
    alter column previous_hash set statistics 0,
    alter column hash set statistics 0;
