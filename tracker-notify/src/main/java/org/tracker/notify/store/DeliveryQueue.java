package org.tracker.notify.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tracker.notify.rule.Settlement;
import org.tracker.notify.rule.Settlement.Delivered;
import org.tracker.notify.rule.Settlement.GiveUp;
import org.tracker.notify.rule.Settlement.Retry;
import org.tracker.notify.store.Delivery.Channel;

/**
 * The deliveries waiting to be sent, by destination, as the dispatchers of every instance share them. A dispatcher
 * claims a destination under a lease and sends its waiting deliveries in the order they were decided; no other
 * dispatcher claims the destination before it lets go, or before its lease runs out if it died. Each attempt is
 * settled with its log line, and what becomes of the destination with it.
 */
@Repository
public class DeliveryQueue {

    /** An attempt's log line, as a statement's first part, so that it is written with what the attempt changed. */
    private static final String LOGGED = "logged as (insert into notify_attempt (delivery_id, attempted_at, channel,"
            + " target, outcome, status_code, latency_ms, error) values (:delivery, :at, :channel, :target, :outcome,"
            + " :code, :latency, :error))";

    private final NamedParameterJdbcTemplate jdbc;

    public DeliveryQueue(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes up to {@code limit} destinations that have deliveries waiting, are due and are not held by another
     * dispatcher, and holds them until {@code now + lease}. Those that have waited longest come first.
     */
    public List<Destination> claim(Instant now, int limit, Duration lease) {
        return jdbc.query(
                "update notify_destination set lease_until = :until, lease_token = :lease where (channel, target) in"
                        + " (select channel, target from notify_destination w where next_attempt_at <= :now and"
                        + " (lease_until is null or lease_until < :now) and exists (select 1 from notify_delivery d"
                        + " where d.channel = w.channel and d.target = w.target and d.status = 'PENDING') order by"
                        + " next_attempt_at limit :limit for update of w skip locked) returning channel, target,"
                        + " failing_since, failures, lease_token",
                new MapSqlParameterSource()
                        .addValue("now", Timestamp.from(now))
                        .addValue("until", Timestamp.from(now.plus(lease)))
                        .addValue("lease", UUID.randomUUID())
                        .addValue("limit", limit),
                (rs, row) -> new Destination(
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("target"),
                        EndpointStore.instant(rs, "failing_since"),
                        rs.getInt("failures"),
                        rs.getObject("lease_token", UUID.class)));
    }

    /** The oldest deliveries waiting for a destination, in the order they were decided. */
    public List<Delivery> waitingFor(Destination destination, int limit) {
        return jdbc.query(
                "select " + DeliveryLog.DELIVERY_COLUMNS + " from notify_delivery d where channel = :channel and target"
                        + " = :target and status = 'PENDING' order by queue_sequence limit :limit",
                destination(destination).addValue("limit", limit),
                DeliveryLog::delivery);
    }

    /** How many deliveries are waiting. */
    public long waiting() {
        Long count = jdbc.queryForObject(
                "select count(*) from notify_delivery where status = 'PENDING'", Map.of(), Long.class);
        return count == null ? 0 : count;
    }

    /** When the next destination with deliveries waiting falls due, if any. */
    public Optional<Instant> nextDue() {
        Timestamp next = jdbc.queryForObject(
                "select min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) from notify_destination"
                        + " w where exists (select 1 from notify_delivery d where d.channel = w.channel and d.target ="
                        + " w.target and d.status = 'PENDING')",
                Map.of(),
                Timestamp.class);
        return Optional.ofNullable(next).map(Timestamp::toInstant);
    }

    /**
     * Logs an attempt at a destination's oldest waiting delivery and records what becomes of it and of the
     * destination, in one statement, so that the log and the state cannot part.
     *
     * <ul>
     *   <li>{@link Delivered}: the delivery is done and the destination's run of failures over; the holder keeps it
     *       until {@code holdUntil}.
     *   <li>{@link Retry}: the destination has failed once more and is let go until the retry; its deliveries wait.
     *   <li>{@link GiveUp}: every delivery waiting for the destination fails with the reason, and the destination is
     *       let go with its run of failures over: a later delivery starts a new one.
     * </ul>
     */
    public Settled settle(Destination held, Attempt attempt, Settlement settlement, Instant holdUntil) {
        if (settlement instanceof Delivered delivered) {
            return new Settled(delivered(held, List.of(new Arrived(attempt, delivered.at())), holdUntil), List.of());
        }
        MapSqlParameterSource parameters = attempt(attempt, destination(held));
        if (settlement instanceof Retry retry) {
            jdbc.update(
                    "with " + LOGGED
                            + ", settled as (update notify_delivery set attempts = attempts + 1, next_attempt_at"
                            + " = :next, last_error = :error where id = :delivery) update notify_destination set"
                            + " failing_since = coalesce(failing_since, :at), failures = failures + 1, next_attempt_at ="
                            + " :next, lease_until = null, lease_token = null where channel = :channel and target ="
                            + " :target and lease_token = :lease",
                    parameters.addValue("next", Timestamp.from(retry.at())));
            return new Settled(false, List.of());
        }
        List<String> accounts = jdbc.queryForList(
                "with held as (update notify_destination set failing_since = null, failures = 0, next_attempt_at ="
                        + " :at, lease_until = null, lease_token = null where channel = :channel and target = :target"
                        + " and lease_token = :lease returning 1), " + LOGGED + ", given_up as (update notify_delivery"
                        + " set status = 'FAILED', last_error = :reason, attempts = attempts + case when id = :delivery"
                        + " then 1 else 0 end where channel = :channel and target = :target and status = 'PENDING' and"
                        + " exists (select 1 from held) returning account) select distinct account from given_up",
                parameters.addValue("reason", ((GiveUp) settlement).reason()),
                String.class);
        return new Settled(false, accounts);
    }

    /**
     * Records deliveries that arrived, one after the other, at a destination the dispatcher holds: their attempts are
     * logged, they are done, the destination's run of failures is over and the dispatcher keeps it until {@code
     * holdUntil}. One round trip for all: a sender records what it sent in batches, between reads of what waits.
     *
     * @return whether the dispatcher still holds the destination: not if its lease ran out and another took it
     */
    public boolean delivered(Destination held, List<Arrived> arrived, Instant holdUntil) {
        int[] renewed = jdbc.batchUpdate(
                "with " + LOGGED + ", settled as (update notify_delivery set status = 'DELIVERED', attempts = attempts"
                        + " + 1, delivered_at = :answered, last_error = null where id = :delivery) update"
                        + " notify_destination set failing_since = null, failures = 0, lease_until = :until where"
                        + " channel = :channel and target = :target and lease_token = :lease",
                arrived.stream()
                        .map(one -> attempt(one.attempt(), destination(held))
                                .addValue("answered", Timestamp.from(one.answeredAt()))
                                .addValue("until", Timestamp.from(holdUntil)))
                        .toArray(MapSqlParameterSource[]::new));
        return renewed.length > 0 && renewed[renewed.length - 1] == 1;
    }

    /** @param answeredAt when the receiver's answer came */
    public record Arrived(Attempt attempt, Instant answeredAt) {}

    /**
     * @param stillHeld whether the dispatcher still holds the destination: not once it let go of it, nor if its lease
     *     ran out and another dispatcher took it
     * @param givenUpFor the accounts whose deliveries were given up
     */
    public record Settled(boolean stillHeld, List<String> givenUpFor) {}

    /**
     * Every delivery waiting for a destination that cannot be tried (a webhook endpoint deleted or disabled) fails
     * with the reason, each with an attempt that says so, and the destination is let go.
     */
    public void refuseWaiting(Destination held, Instant at, String reason) {
        jdbc.update(
                "with held as (update notify_destination set next_attempt_at = :at, lease_until = null, lease_token ="
                        + " null where channel = :channel and target = :target and lease_token = :lease returning 1),"
                        + " refused as (update notify_delivery set status = 'FAILED', last_error = :reason where"
                        + " channel = :channel and target = :target and status = 'PENDING' and exists (select 1 from"
                        + " held) returning id) insert into notify_attempt (delivery_id, attempted_at, channel,"
                        + " target, outcome, status_code, latency_ms, error) select id, :at, :channel, :target,"
                        + " 'REFUSED', null, 0, :reason from refused",
                destination(held).addValue("at", Timestamp.from(at)).addValue("reason", reason));
    }

    /**
     * Lets a destination go once no delivery waits for it, in one statement, so that a delivery recorded meanwhile is
     * either seen here or finds the destination free when the dispatcher is woken for it.
     *
     * @return whether the turn goes on: the dispatcher still holds the destination and a delivery waits for it
     */
    public boolean releaseUnlessWaiting(Destination held, Instant now) {
        return count(
                        "with released as (update notify_destination set next_attempt_at = :now, lease_until = null,"
                                + " lease_token = null where channel = :channel and target = :target and lease_token ="
                                + " :lease and not exists (select 1 from notify_delivery d where d.channel = :channel"
                                + " and d.target = :target and d.status = 'PENDING') returning 1) select count(*) from"
                                + " notify_destination where channel = :channel and target = :target and lease_token ="
                                + " :lease and not exists (select 1 from released)",
                        destination(held).addValue("now", Timestamp.from(now)))
                == 1;
    }

    /** Lets a destination go with deliveries still waiting, due again at once: its turn is over and others' come. */
    public void release(Destination held, Instant now) {
        jdbc.update(
                "update notify_destination set next_attempt_at = :now, lease_until = null, lease_token = null where"
                        + " channel = :channel and target = :target and lease_token = :lease",
                destination(held).addValue("now", Timestamp.from(now)));
    }

    /**
     * Sends a delivery again, with the same id, in its place among its destination's: before the deliveries decided
     * after it.
     */
    public boolean redeliver(UUID id, String account, Instant now) {
        return jdbc.update(
                        "update notify_delivery set status = 'PENDING', next_attempt_at = :now where id = :id and"
                                + " account = :account and status <> 'PENDING'",
                        new MapSqlParameterSource()
                                .addValue("id", id)
                                .addValue("account", account)
                                .addValue("now", Timestamp.from(now)))
                == 1;
    }

    private int count(String sql, MapSqlParameterSource parameters) {
        Integer count = jdbc.queryForObject(sql, parameters, Integer.class);
        return count == null ? 0 : count;
    }

    private static MapSqlParameterSource destination(Destination destination) {
        return new MapSqlParameterSource()
                .addValue("channel", destination.channel().name())
                .addValue("target", destination.target())
                .addValue("lease", destination.lease());
    }

    private static MapSqlParameterSource attempt(Attempt attempt, MapSqlParameterSource parameters) {
        return parameters
                .addValue("delivery", attempt.deliveryId())
                .addValue("at", Timestamp.from(attempt.attemptedAt()))
                .addValue("outcome", attempt.outcome().name())
                .addValue("code", attempt.statusCode())
                .addValue("latency", (int) attempt.latencyMillis())
                .addValue("error", attempt.error());
    }
}
