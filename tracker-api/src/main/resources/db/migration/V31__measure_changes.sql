-- What each committed fold of the live projection changed, in commit order: every instance hears of a new entry
-- through NOTIFY (sent by PostgreSQL at commit, never before) and pushes it to its open pages; a page whose stream
-- reconnects asks for the entries after the last one it saw. Entries are kept for a while, not for ever.
create table measure_change (
    id bigserial primary key,
    measure_ids varchar(128)[] not null,
    transitions jsonb not null,
    recorded_at timestamptz not null default clock_timestamp()
);
create index measure_change_recorded_at on measure_change (recorded_at);
