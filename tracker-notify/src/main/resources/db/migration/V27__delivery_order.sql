-- Deliveries go out to each destination (a webhook endpoint, an email address) one at a time, in the order they were
-- decided, and a failing destination is tried again as a whole, with its oldest delivery, instead of each delivery
-- waiting out a back-off of its own: a backlog drains in order as soon as its receiver answers again.

-- The order in which deliveries were decided. The notifier numbers them as it inserts them, so a measure's alerts,
-- whose events one consumer decides in turn, are numbered in the stream's order. Older deliveries are numbered by
-- when they were decided.
create sequence notify_delivery_queue_sequence;
alter table notify_delivery add column queue_sequence bigint;
update notify_delivery d
   set queue_sequence = numbered.n
  from (select id, row_number() over (order by created_at, id) as n from notify_delivery) numbered
 where d.id = numbered.id;
select setval('notify_delivery_queue_sequence', coalesce((select max(queue_sequence) from notify_delivery), 0) + 1, false);
alter table notify_delivery
    alter column queue_sequence set default nextval('notify_delivery_queue_sequence'),
    alter column queue_sequence set not null;
alter sequence notify_delivery_queue_sequence owned by notify_delivery.queue_sequence;

-- What the dispatchers of every instance share about each destination. One dispatcher at a time holds a destination
-- and sends its deliveries in order; no other sends any of them meanwhile, so a newer alert never overtakes an older
-- one that is waiting or in flight.
create table notify_destination (
    channel         varchar(8)  not null,
    -- An email address, or a webhook endpoint's id.
    target          text        not null,
    -- When the first of its current run of failures happened, or null while it answers.
    failing_since   timestamptz,
    -- Its failed attempts in a row, which set the pause before the next.
    failures        integer     not null default 0,
    -- When its oldest waiting delivery may next be attempted.
    next_attempt_at timestamptz not null,
    -- Until when a dispatcher holds it; a dispatcher that dies lets it go when this passes. The token is the holder's,
    -- so that one whose lease ran out while it was sending learns it no longer holds the destination.
    lease_until     timestamptz,
    lease_token     uuid,
    primary key (channel, target)
);

-- Every target deliveries went to, so that any delivery can be redelivered. An endpoint's run of failures, kept on
-- the endpoint until now, carries over where deliveries still wait for it. Each destination is due at once: waiting
-- deliveries stop waiting out the long pauses of the schedule they were given.
insert into notify_destination (channel, target, failing_since, failures, next_attempt_at)
select targets.channel,
       targets.target,
       case when targets.waiting then e.failing_since end,
       case when targets.waiting and e.failing_since is not null then 1 else 0 end,
       now()
  from (select channel, target, bool_or(status = 'PENDING') as waiting from notify_delivery group by channel, target) targets
  left join notify_webhook_endpoint e on targets.channel = 'WEBHOOK' and e.id::text = targets.target;

-- A destination's waiting deliveries, oldest first; dispatchers no longer claim deliveries one by one by due time.
create index notify_delivery_waiting on notify_delivery (channel, target, queue_sequence) where status = 'PENDING';
drop index notify_delivery_due;

-- No longer written: notify_webhook_endpoint.failing_since (now the destination's) and notify_delivery.lease_until
-- (now the destination's lease). They stay while an instance of the previous version may still be running.
