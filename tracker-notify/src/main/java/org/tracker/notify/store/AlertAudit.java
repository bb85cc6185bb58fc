package org.tracker.notify.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tracker.notify.rule.Condition;
import org.tracker.notify.rule.Trigger;
import org.tracker.notify.store.AlertQuery.Position;
import org.tracker.notify.store.AuditedAlert.Sent;
import org.tracker.notify.store.Delivery.Channel;
import org.tracker.notify.store.Delivery.Status;

/**
 * Reads alerts back, for their accounts and for auditors: why each was sent, what was sent to whom, and every attempt.
 * A page takes three queries whatever its size: the alerts, their deliveries, and the deliveries' attempts.
 */
@Repository
public class AlertAudit {

    private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {};

    private final NamedParameterJdbcTemplate jdbc;
    private final NotifyJson json;

    public AlertAudit(NamedParameterJdbcTemplate jdbc, NotifyJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A page of alerts, newest first.
     *
     * @param next where the following page starts, or null when this one is the last
     */
    public record Page(List<AuditedAlert> alerts, Position next) {}

    public Page find(AlertQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<AlertRow> alerts = jdbc.query(select(query, parameters), parameters, this::alert);
        Position next = null;
        if (alerts.size() > query.limit()) {
            alerts = alerts.subList(0, query.limit());
            AlertRow last = alerts.get(alerts.size() - 1);
            next = new Position(last.decidedAt(), last.id());
        }
        return new Page(withDeliveries(alerts), next);
    }

    /**
     * The statement that reads a page of alerts, and one more to tell whether another page follows; its parameters
     * are added to {@code parameters}. The row comparison on {@code (created_at, id)} lets an index on
     * {@code (..., created_at, id)} start a page where the previous one ended.
     */
    static String select(AlertQuery query, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.account() != null) {
            conditions.add("account = :account");
            parameters.addValue("account", query.account());
        }
        if (query.measure() != null) {
            conditions.add("measure_id = :measure");
            parameters.addValue("measure", query.measure());
        }
        if (query.from() != null) {
            conditions.add("created_at >= :from");
            parameters.addValue("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("created_at < :to");
            parameters.addValue("to", Timestamp.from(query.to()));
        }
        if (query.after() != null) {
            conditions.add("(created_at, id) < (:afterDecidedAt, :afterId)");
            parameters.addValue("afterDecidedAt", Timestamp.from(query.after().decidedAt()));
            parameters.addValue("afterId", query.after().id());
        }
        parameters.addValue("limit", query.limit() + 1);
        return "select id, account, measure_id, created_at, event_id, event_measure_id, event_sequence, event_type,"
                + " event_effective_at, event_recorded_at, trigger, matched, subscription, change, digest_delivery_id"
                + " from notify_alert where " + (conditions.isEmpty() ? "true" : String.join(" and ", conditions))
                + " order by created_at desc, id desc limit :limit";
    }

    private List<AuditedAlert> withDeliveries(List<AlertRow> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource(
                "alerts", alerts.stream().map(AlertRow::id).toList());
        List<UUID> digests = alerts.stream()
                .map(AlertRow::digestDelivery)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        String orDigests = "";
        if (!digests.isEmpty()) {
            orDigests = " or digest_id in (:digests)";
            parameters.addValue("digests", digests);
        }
        List<DeliveryRow> deliveries = jdbc.query(
                "select id, alert_id, digest_id, channel, target, webhook_url, status, created_at, delivered_at,"
                        + " last_error from notify_delivery where alert_id in (:alerts)" + orDigests
                        + " order by created_at, channel",
                parameters,
                AlertAudit::delivery);
        Map<UUID, List<Attempt>> attempts =
                attempts(deliveries.stream().map(DeliveryRow::id).toList());
        Map<UUID, List<Sent>> byCarrier = new HashMap<>();
        for (DeliveryRow delivery : deliveries) {
            UUID carrier = delivery.alertId() != null ? delivery.alertId() : delivery.digestId();
            byCarrier
                    .computeIfAbsent(carrier, id -> new ArrayList<>())
                    .add(delivery.with(attempts.getOrDefault(delivery.id(), List.of())));
        }
        return alerts.stream()
                .map(alert -> alert.with(byCarrier.getOrDefault(
                        alert.digestDelivery() != null ? alert.digestDelivery() : alert.id(), List.of())))
                .toList();
    }

    private Map<UUID, List<Attempt>> attempts(Collection<UUID> deliveries) {
        Map<UUID, List<Attempt>> attempts = new HashMap<>();
        if (deliveries.isEmpty()) {
            return attempts;
        }
        jdbc.query(
                "select " + DeliveryLog.ATTEMPT_COLUMNS
                        + " from notify_attempt where delivery_id in (:deliveries) order by id",
                Map.of("deliveries", deliveries),
                rs -> {
                    Attempt attempt = DeliveryLog.attempt(rs, 0);
                    attempts.computeIfAbsent(attempt.deliveryId(), id -> new ArrayList<>())
                            .add(attempt);
                });
        return attempts;
    }

    /** An alert as stored, with the digest that carried it, if any. */
    private record AlertRow(
            UUID id,
            String account,
            String measureId,
            Instant decidedAt,
            Cause cause,
            Trigger trigger,
            List<Condition> matched,
            JsonNode subscription,
            JsonNode message,
            UUID digestDelivery) {

        AuditedAlert with(List<Sent> deliveries) {
            return new AuditedAlert(
                    id, account, measureId, decidedAt, cause, trigger, matched, subscription, message, deliveries);
        }
    }

    /** A delivery as stored, with what it carries: one alert, or a digest. */
    private record DeliveryRow(
            UUID id,
            UUID alertId,
            UUID digestId,
            Channel channel,
            String recipient,
            UUID endpoint,
            Status status,
            Instant createdAt,
            Instant deliveredAt,
            String lastError) {

        Sent with(List<Attempt> attempts) {
            return new Sent(
                    id,
                    channel,
                    recipient,
                    endpoint,
                    alertId == null,
                    status,
                    createdAt,
                    deliveredAt,
                    lastError,
                    attempts);
        }
    }

    private AlertRow alert(ResultSet rs, int rowNumber) throws SQLException {
        String eventId = rs.getString("event_id");
        String matched = rs.getString("matched");
        return new AlertRow(
                rs.getObject("id", UUID.class),
                rs.getString("account"),
                rs.getString("measure_id"),
                EndpointStore.instant(rs, "created_at"),
                eventId == null
                        ? null
                        : new Cause(
                                eventId,
                                rs.getString("event_measure_id"),
                                rs.getObject("event_sequence", Long.class),
                                rs.getString("event_type"),
                                EndpointStore.instant(rs, "event_effective_at"),
                                EndpointStore.instant(rs, "event_recorded_at")),
                Trigger.valueOf(rs.getString("trigger")),
                matched == null ? null : json.read(matched, CONDITIONS),
                json.read(rs.getString("subscription"), JsonNode.class),
                json.read(rs.getString("change"), JsonNode.class),
                rs.getObject("digest_delivery_id", UUID.class));
    }

    private static DeliveryRow delivery(ResultSet rs, int rowNumber) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString("channel"));
        String target = rs.getString("target");
        return new DeliveryRow(
                rs.getObject("id", UUID.class),
                rs.getObject("alert_id", UUID.class),
                rs.getObject("digest_id", UUID.class),
                channel,
                channel == Channel.EMAIL ? target : rs.getString("webhook_url"),
                channel == Channel.WEBHOOK ? UUID.fromString(target) : null,
                Status.valueOf(rs.getString("status")),
                EndpointStore.instant(rs, "created_at"),
                EndpointStore.instant(rs, "delivered_at"),
                rs.getString("last_error"));
    }
}
