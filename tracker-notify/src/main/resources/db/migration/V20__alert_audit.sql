-- What an auditor asks of each alert: which event caused it and where that event sits in its measure's stream, which
-- of the subscription's conditions selected it, and to which address each delivery went. The new columns are
-- nullable, so adding them rewrites no row; on alerts decided before this version they stay null: unknown.

-- The event's own measure, which differs from the alert's for a roll call alerting on the measure it was on. The
-- tracker's global index does not travel with the event over Kafka; measure and sequence are the event's stable key.
alter table notify_alert
    add column event_measure_id   varchar(128),
    add column event_sequence     bigint,
    add column event_type         varchar(128),
    add column event_effective_at timestamptz,
    add column event_recorded_at  timestamptz,
    -- The subscription's conditions that selected the alert's changes, as they were then.
    add column matched            jsonb;

alter table notify_delivery
    -- Kept with the delivery so that the audit still names the receiver once its endpoint is deleted.
    add column webhook_url text,
    -- For a digest's deliveries (one a channel): the id of the first, which its alerts name in digest_delivery_id.
    add column digest_id   uuid;

-- An endpoint's URL never changes while it exists, so the endpoints still there tell where their older deliveries went.
update notify_delivery d
   set webhook_url = e.url
  from notify_webhook_endpoint e
 where d.channel = 'WEBHOOK' and d.target = e.id::text;
-- Older digests recorded only their first delivery; the others of the same digest stay unlinked.
update notify_delivery
   set digest_id = id
 where id in (select digest_delivery_id from notify_alert where digest_delivery_id is not null);

-- The alert queries filter by account, measure, both or neither, within a range of decision times, newest first and
-- paged by (created_at, id): each shape reads one index in order. They are built in this migration's transaction,
-- before this instance's notifier starts; the notifier of an instance still running waits for them to be built.
drop index notify_alert_account;
drop index notify_alert_measure;
create index notify_alert_account on notify_alert (account, created_at, id);
create index notify_alert_measure on notify_alert (measure_id, created_at, id);
create index notify_alert_account_measure on notify_alert (account, measure_id, created_at, id);
create index notify_alert_decided on notify_alert (created_at, id);
create index notify_delivery_digest on notify_delivery (digest_id) where digest_id is not null;
