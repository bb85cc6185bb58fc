-- Events a consumer could not process even alone, and the later events of their measure held behind them so that a
-- measure's order holds. One table for both consumers, which share one policy for parking. A row stays after it is
-- resolved: who retried or discarded it, when and why is part of the record.
create table parked_event (
    id              bigserial primary key,
    consumer        varchar(16)  not null check (consumer in ('projection', 'notifier')),
    measure_id      varchar(128) not null,
    sequence        bigint       not null,
    event_id        varchar(64)  not null,
    event_type      varchar(256),
    -- The Kafka record's value as read (the serialized event). Null for the marker of an event too large for the
    -- broker: that event is read from the store by its id.
    record          bytea,
    topic           varchar(256),
    partition       integer,
    record_offset   bigint,
    reason          varchar(2000) not null,
    parked_at       timestamptz  not null default now(),
    resolution      varchar(16) check (resolution in ('RETRIED', 'DISCARDED')),
    resolved_by     varchar(128),
    resolved_at     timestamptz,
    resolution_note varchar(2000),
    check ((resolution is null) = (resolved_at is null))
);

-- A redelivered batch parks nothing twice.
create unique index parked_event_once on parked_event (consumer, event_id) where resolution is null;
-- Each batch asks which of its measures are held; the answer is almost always none.
create index parked_event_held on parked_event (consumer, measure_id) where resolution is null;

-- ANALYZE need not sort the stored records (see V21, V22).
alter table parked_event alter column record set statistics 0;
