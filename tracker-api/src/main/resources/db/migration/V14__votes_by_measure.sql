-- A measure's status as of a past moment is folded from the event store. A roll call is its own aggregate and names
-- the measure it was on only inside its payload; this index finds those roll calls without reading every event.
-- The function is immutable because the tracker always writes payloads as UTF-8 JSON.
create function vote_measure(payload bytea) returns text
    language sql immutable parallel safe
    as $$ select convert_from(payload, 'UTF8')::jsonb ->> 'votedOn' $$;

create index domainevententry_vote_measure on domainevententry (vote_measure(payload))
    where payloadtype = 'org.tracker.core.api.RollCallVoteRecorded';
