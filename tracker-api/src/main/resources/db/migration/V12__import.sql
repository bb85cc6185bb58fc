-- The update date of the newest record imported for each bill (BILLSTATUS's <updateDate>, the congress.gov API's
-- updateDate). A record older than it is skipped, so that files imported out of order change nothing already known.
-- Importing a record locks its bill's row until the record's events commit, so imports of one bill take turns.
create table import_bill_update (
    bill_id    varchar(32) primary key,
    updated_at timestamptz not null
);

-- The congress.gov poller's memory across restarts: where its last complete window ended (one row), and a hash of
-- each bill's content as last handed on, since the API moves a bill's update date without its content changing.
create table import_congress_gov_window (
    id         smallint primary key check (id = 1),
    window_end timestamptz not null
);

create table import_congress_gov_bill (
    bill_id      varchar(32) primary key,
    content_hash char(64)    not null,
    hashed_at    timestamptz not null default now()
);
