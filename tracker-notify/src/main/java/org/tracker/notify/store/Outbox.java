package org.tracker.notify.store;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tracker.core.measure.MeasureRow;
import org.tracker.notify.rule.Alert;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.store.Delivery.Channel;

/**
 * The outbox: alerts as decided, and the deliveries that will carry them, recorded in the notifier's transaction. Ids
 * are derived from causes, so recording the same alert twice keeps one, and a delivery's id is the same on every
 * attempt. Sending them is {@link DeliveryQueue}'s part.
 */
@Repository
public class Outbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final NotifyJson json;
    private final MessageFormat messages;

    public Outbox(NamedParameterJdbcTemplate jdbc, NotifyJson json, MessageFormat messages) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
    }

    /**
     * An alert with the measure as it stood once the change was made, which the message describes (later events in
     * the same batch must not change what this alert says), and the event that made the change.
     *
     * @param cause the stored event, or null when time passing made the change
     */
    public record Decided(Alert alert, String measureKind, String measureTitle, String measureStatus, Cause cause) {

        public static Decided of(Alert alert, MeasureRow measure, Cause cause) {
            return new Decided(alert, measure.kind, measure.title, measure.status, cause);
        }
    }

    /**
     * Records alerts and, for realtime subscriptions, their deliveries, due at once. Alerts already recorded are
     * left as they are.
     *
     * @return how many deliveries were added
     */
    public int record(List<Decided> decided, Instant now) {
        if (decided.isEmpty()) {
            return 0;
        }
        List<MapSqlParameterSource> alerts = new ArrayList<>();
        List<MapSqlParameterSource> deliveries = new ArrayList<>();
        for (Decided one : decided) {
            Alert alert = one.alert();
            Subscription subscription = alert.subscription();
            Cause cause = one.cause();
            alerts.add(new MapSqlParameterSource()
                    .addValue("id", alert.id())
                    .addValue("subscription", subscription.id())
                    .addValue("account", subscription.account())
                    .addValue("measure", alert.change().measureId())
                    .addValue("event", alert.change().eventId())
                    .addValue("eventMeasure", cause == null ? null : cause.measureId())
                    .addValue("eventSequence", cause == null ? null : cause.sequence())
                    .addValue("eventType", cause == null ? null : cause.type())
                    .addValue("effectiveAt", cause == null ? null : Timestamp.from(cause.effectiveAt()))
                    .addValue("recordedAt", cause == null ? null : Timestamp.from(cause.recordedAt()))
                    .addValue("trigger", alert.change().trigger().name())
                    .addValue("matched", json.write(alert.matched()))
                    .addValue("change", messages.alert(one))
                    .addValue("definition", json.write(subscription))
                    .addValue("digest", subscription.schedule().digest())
                    .addValue("now", Timestamp.from(now)));
            if (!subscription.schedule().digest()) {
                String eventType = alert.change().trigger().eventType();
                String payload = messages.alertBody(one, now);
                for (Target target : targets(subscription)) {
                    deliveries.add(delivery(
                            UUID.nameUUIDFromBytes(
                                    (alert.id() + "|" + target.channel()).getBytes(StandardCharsets.UTF_8)),
                            alert.id(),
                            subscription,
                            target,
                            eventType,
                            payload,
                            null,
                            now));
                }
            }
        }
        jdbc.batchUpdate(
                "insert into notify_alert (id, subscription_id, account, measure_id, event_id, event_measure_id,"
                        + " event_sequence, event_type, event_effective_at, event_recorded_at, trigger, matched, change,"
                        + " subscription, digest_pending, created_at) values (:id, :subscription, :account, :measure,"
                        + " :event, :eventMeasure, :eventSequence, :eventType, :effectiveAt, :recordedAt, :trigger,"
                        + " cast(:matched as jsonb), cast(:change as jsonb), cast(:definition as jsonb), :digest, :now)"
                        + " on conflict (id) do nothing",
                alerts.toArray(MapSqlParameterSource[]::new));
        return insertDeliveries(deliveries);
    }

    /**
     * Gathers a digest subscription's alerts up to the end of a period into one message per channel.
     *
     * @return how many deliveries were added: none when there was nothing to tell or the digest was already made
     */
    public int digest(Subscription subscription, Instant periodStart, Instant periodEnd, Instant now) {
        List<UUID> ids = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        jdbc.query(
                "select id, change from notify_alert where subscription_id = :subscription and digest_pending and"
                        + " created_at <= :end order by created_at, id for update",
                Map.of("subscription", subscription.id(), "end", Timestamp.from(periodEnd)),
                rs -> {
                    ids.add(rs.getObject("id", UUID.class));
                    alerts.add(rs.getString("change"));
                });
        if (ids.isEmpty()) {
            return 0;
        }
        String payload = messages.digestBody(subscription, periodStart, periodEnd, alerts);
        List<MapSqlParameterSource> deliveries = new ArrayList<>();
        UUID firstDelivery = null;
        for (Target target : targets(subscription)) {
            UUID id = UUID.nameUUIDFromBytes(("digest|" + subscription.id() + "|" + periodEnd + "|" + target.channel())
                    .getBytes(StandardCharsets.UTF_8));
            firstDelivery = firstDelivery == null ? id : firstDelivery;
            deliveries.add(delivery(id, null, subscription, target, "digest", payload, firstDelivery, now));
        }
        jdbc.update(
                "update notify_alert set digest_pending = false, digest_delivery_id = :delivery where id in (:ids)",
                new MapSqlParameterSource().addValue("delivery", firstDelivery).addValue("ids", ids));
        return insertDeliveries(deliveries);
    }

    private int insertDeliveries(List<MapSqlParameterSource> deliveries) {
        addDestinations(deliveries);
        int added = 0;
        for (int count : jdbc.batchUpdate(
                "insert into notify_delivery (id, alert_id, subscription_id, account, channel, target, event_type,"
                        + " payload, status, next_attempt_at, created_at, webhook_url, digest_id) values (:id, :alert,"
                        + " :subscription, :account, :channel, :target, :eventType, :payload, 'PENDING', :now, :now,"
                        + " (select url from notify_webhook_endpoint where id = cast(:webhook as uuid)), :digest) on"
                        + " conflict (id) do nothing",
                deliveries.toArray(MapSqlParameterSource[]::new))) {
            added += Math.max(count, 0);
        }
        return added;
    }

    /**
     * Makes the destinations the deliveries go to known to the dispatchers, which claim destinations. Most are known
     * already and are then only read, so that recording alerts never waits for a dispatcher's update of one.
     */
    private void addDestinations(List<MapSqlParameterSource> deliveries) {
        Map<Target, MapSqlParameterSource> destinations = new LinkedHashMap<>();
        for (MapSqlParameterSource delivery : deliveries) {
            Target target = new Target(
                    Channel.valueOf((String) delivery.getValue("channel")), (String) delivery.getValue("target"));
            destinations.putIfAbsent(
                    target,
                    new MapSqlParameterSource()
                            .addValue("channel", target.channel().name())
                            .addValue("target", target.address())
                            .addValue("now", delivery.getValue("now")));
        }
        jdbc.batchUpdate(
                "insert into notify_destination (channel, target, next_attempt_at) select :channel, :target,"
                        + " cast(:now as timestamptz) where"
                        + " not exists (select 1 from notify_destination where channel = :channel and target = :target)"
                        + " on conflict do nothing",
                destinations.values().toArray(MapSqlParameterSource[]::new));
    }

    private record Target(Channel channel, String address) {}

    private static List<Target> targets(Subscription subscription) {
        List<Target> targets = new ArrayList<>(2);
        if (subscription.email() != null) {
            targets.add(new Target(Channel.EMAIL, subscription.email()));
        }
        if (subscription.webhook() != null) {
            targets.add(new Target(Channel.WEBHOOK, subscription.webhook().toString()));
        }
        return targets;
    }

    /**
     * @param alertId the alert it carries, or null for a digest
     * @param digestId for a digest, the id of its first delivery; else null
     */
    private static MapSqlParameterSource delivery(
            UUID id,
            UUID alertId,
            Subscription subscription,
            Target target,
            String eventType,
            String payload,
            UUID digestId,
            Instant now) {
        return new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("alert", alertId)
                .addValue("subscription", subscription.id())
                .addValue("account", subscription.account())
                .addValue("channel", target.channel().name())
                .addValue("target", target.address())
                .addValue("webhook", target.channel() == Channel.WEBHOOK ? subscription.webhook() : null)
                .addValue("eventType", eventType)
                .addValue("payload", payload)
                .addValue("digest", digestId)
                .addValue("now", Timestamp.from(now));
    }
}
