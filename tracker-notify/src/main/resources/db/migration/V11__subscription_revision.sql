-- Every change to a subscription takes a new revision, so the notifier can tell in one cheap query whether the
-- subscriptions it holds in memory are still current.
create sequence notify_subscription_revision;
alter table notify_subscription
    add column revision bigint not null default nextval('notify_subscription_revision');
