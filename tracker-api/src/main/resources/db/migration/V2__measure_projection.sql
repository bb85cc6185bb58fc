-- The current status of every measure, as dashboards read it. Fed from the Kafka topic; last_sequence makes
-- redelivery harmless.
create table measure (
    measure_id             varchar(128) primary key,
    kind                   varchar(16),
    title                  text,
    chamber                varchar(8),
    congress               integer,
    status                 varchar(64),
    status_since           date,
    last_action_date       date,
    last_action_text       text,
    next_deadline          date,
    next_deadline_label    text,
    latest_vote_id         varchar(64),
    latest_vote_date       date,
    latest_vote_question   text,
    latest_vote_result     text,
    latest_vote_yea        integer,
    latest_vote_nay        integer,
    latest_vote_present    integer,
    latest_vote_not_voting integer,
    details                jsonb        not null default '{}'::jsonb,
    source                 text,
    last_sequence          bigint       not null default -1,
    updated_at             timestamptz,
    search                 tsvector generated always as (
        to_tsvector('english', coalesce(title, '') || ' ' || measure_id)) stored
);

create index measure_kind_status on measure (kind, status);
create index measure_congress on measure (congress);
create index measure_next_deadline on measure (next_deadline) where next_deadline is not null;
create index measure_search on measure using gin (search);
