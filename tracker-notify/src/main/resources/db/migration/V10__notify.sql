-- The notifier's tables. Alerts are decided from the Kafka stream and written here in the same transaction as the
-- notifier's position in that stream (notify_progress), so that a crash can neither skip an alert nor decide it
-- twice; deliveries are then attempted from here until they succeed or run out of attempts.

create table notify_webhook_endpoint (
    id              uuid primary key,
    account         varchar(128) not null,
    url             text         not null,
    description     text,
    -- The signing secrets, newest first; a rotated-out secret keeps signing until its 'until' so receivers can switch.
    secrets         jsonb        not null,
    disabled_at     timestamptz,
    disabled_reason text,
    failing_since   timestamptz,
    created_at      timestamptz  not null
);
create index notify_webhook_endpoint_account on notify_webhook_endpoint (account);

create table notify_subscription (
    id            uuid primary key,
    account       varchar(128) not null,
    definition    jsonb        not null,
    paused        boolean      not null default false,
    paused_reason text,
    digest        boolean      not null,
    deadlines     boolean      not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    deleted_at    timestamptz
);
create index notify_subscription_account on notify_subscription (account) where deleted_at is null;

-- What the notifier knows of each measure, folded from the stream by the same projector as the dashboards.
create table notify_measure (
    measure_id    varchar(128) primary key,
    state         jsonb        not null,
    next_deadline date,
    last_sequence bigint       not null
);
create index notify_measure_deadline on notify_measure (next_deadline) where next_deadline is not null;

-- The next offset to read in each partition: the notifier's position, committed with the alerts it decided.
create table notify_progress (
    topic       varchar(255) not null,
    partition   integer      not null,
    next_offset bigint       not null,
    primary key (topic, partition)
);

-- Why each alert was sent: the change, the event that made it and the subscription as it was when it selected it.
create table notify_alert (
    id                 uuid primary key,
    subscription_id    uuid         not null,
    account            varchar(128) not null,
    measure_id         varchar(128) not null,
    event_id           varchar(64),
    trigger            varchar(32)  not null,
    change             jsonb        not null,
    subscription       jsonb        not null,
    digest_pending     boolean      not null,
    digest_delivery_id uuid,
    created_at         timestamptz  not null
);
create index notify_alert_digest on notify_alert (subscription_id, created_at) where digest_pending;
create index notify_alert_measure on notify_alert (measure_id, created_at);
create index notify_alert_account on notify_alert (account, created_at);

-- One message on one channel; its id is the webhook-id and the email's Message-ID, the same on every attempt.
create table notify_delivery (
    id              uuid primary key,
    alert_id        uuid,
    subscription_id uuid         not null,
    account         varchar(128) not null,
    channel         varchar(8)   not null,
    target          text         not null,
    event_type      varchar(64)  not null,
    payload         text         not null,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz  not null,
    delivered_at    timestamptz
);
create index notify_delivery_due on notify_delivery (next_attempt_at) where status = 'PENDING';
create index notify_delivery_subscription on notify_delivery (subscription_id, created_at);
create index notify_delivery_account on notify_delivery (account, created_at);
create index notify_delivery_alert on notify_delivery (alert_id);

create table notify_attempt (
    id           bigserial primary key,
    delivery_id  uuid         not null references notify_delivery (id),
    attempted_at timestamptz  not null,
    channel      varchar(8)   not null,
    target       text         not null,
    outcome      varchar(16)  not null,
    status_code  integer,
    latency_ms   integer,
    error        text
);
create index notify_attempt_delivery on notify_attempt (delivery_id);

-- The key that signs unsubscribe links, made once per installation.
create table notify_key (
    name   varchar(32) primary key,
    secret bytea       not null
);
