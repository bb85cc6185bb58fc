-- The tamper-evident chain (ADR 8). Each stored event's link: the measure and sequence it was stored as, the hash of
-- the measure's event before it (zeros for the first) and its own hash over its stored row. Written in the
-- transaction that appends the event, and kept apart from domainevententry so that SQL run on that table leaves the
-- links to tell what was altered, removed or inserted. No foreign key: a deleted event's link must stay.
create table event_chain (
    global_index         bigint       primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    previous_hash        bytea        not null check (length(previous_hash) = 32),
    hash                 bytea        not null check (length(hash) = 32)
);

-- Each measure's newest link: the next event of the measure links to it, its row lock makes appends to one measure
-- take turns, and the ledger digest is taken over these rows.
create table event_chain_head (
    aggregate_identifier varchar(255) primary key,
    global_index         bigint       not null,
    sequence_number      bigint       not null,
    hash                 bytea        not null check (length(hash) = 32)
);
