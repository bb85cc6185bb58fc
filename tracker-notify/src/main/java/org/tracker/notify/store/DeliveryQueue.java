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

/**
 * The deliveries waiting to be sent, as dispatchers work through them: claimed under a lease, settled after each
 * attempt with the attempt's log line, and put back to be sent again on request.
 */
@Repository
public class DeliveryQueue {

    private final NamedParameterJdbcTemplate jdbc;

    public DeliveryQueue(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes up to {@code limit} deliveries that are due and not held by another dispatcher, and holds them for the
     * lease; a dispatcher that dies holding one lets it go when the lease runs out.
     */
    public List<Delivery> claimDue(Instant now, int limit, Duration lease) {
        return jdbc.query(
                "update notify_delivery set lease_until = :until where id in (select id from notify_delivery where"
                        + " status = 'PENDING' and next_attempt_at <= :now and (lease_until is null or lease_until <"
                        + " :now) order by next_attempt_at limit :limit for update skip locked) returning "
                        + DeliveryLog.DELIVERY_COLUMNS,
                new MapSqlParameterSource()
                        .addValue("now", Timestamp.from(now))
                        .addValue("until", Timestamp.from(now.plus(lease)))
                        .addValue("limit", limit),
                DeliveryLog::delivery);
    }

    /** How many deliveries are due or waiting for a retry. */
    public long waiting() {
        Long count = jdbc.queryForObject(
                "select count(*) from notify_delivery where status = 'PENDING'", Map.of(), Long.class);
        return count == null ? 0 : count;
    }

    /** When the next delivery falls due, if any is waiting. */
    public Optional<Instant> nextDue() {
        Timestamp next = jdbc.queryForObject(
                "select min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) from notify_delivery"
                        + " where status = 'PENDING'",
                Map.of(),
                Timestamp.class);
        return Optional.ofNullable(next).map(Timestamp::toInstant);
    }

    /**
     * Logs an attempt and records what becomes of its delivery. A delivery given up is kept, and can be redelivered
     * through the API.
     */
    public void settle(Attempt attempt, Settlement settlement) {
        if (settlement instanceof Delivered delivered) {
            settle(
                    attempt,
                    "status = 'DELIVERED', attempts = attempts + 1, delivered_at = :now, lease_until = null,"
                            + " last_error = null",
                    new MapSqlParameterSource().addValue("now", Timestamp.from(delivered.at())));
        } else if (settlement instanceof Retry retry) {
            settle(
                    attempt,
                    "attempts = attempts + 1, next_attempt_at = :next, lease_until = null, last_error = :reason",
                    new MapSqlParameterSource()
                            .addValue("next", Timestamp.from(retry.at()))
                            .addValue("reason", attempt.error()));
        } else {
            GiveUp giveUp = (GiveUp) settlement;
            settle(
                    attempt,
                    "status = 'FAILED', attempts = attempts + :counted, lease_until = null, last_error = :reason",
                    new MapSqlParameterSource()
                            .addValue("counted", giveUp.counted() ? 1 : 0)
                            .addValue("reason", giveUp.reason()));
        }
    }

    /**
     * One statement, so one round trip and one commit, for the attempt's log line and the delivery's new state: a
     * sender settles every delivery it attempts, and this is most of its database work.
     */
    private void settle(Attempt attempt, String assignments, MapSqlParameterSource parameters) {
        jdbc.update(
                "with logged as (insert into notify_attempt (delivery_id, attempted_at, channel, target, outcome,"
                        + " status_code, latency_ms, error) values (:delivery, :at, :channel, :target, :outcome, :code,"
                        + " :latency, :error)) update notify_delivery set " + assignments + " where id = :delivery",
                parameters
                        .addValue("delivery", attempt.deliveryId())
                        .addValue("at", Timestamp.from(attempt.attemptedAt()))
                        .addValue("channel", attempt.channel().name())
                        .addValue("target", attempt.target())
                        .addValue("outcome", attempt.outcome().name())
                        .addValue("code", attempt.statusCode())
                        .addValue("latency", (int) attempt.latencyMillis())
                        .addValue("error", attempt.error()));
    }

    /** Every delivery still waiting for an endpoint that was just disabled fails with the reason. */
    public void failWaitingFor(UUID endpoint, String reason) {
        jdbc.update(
                "update notify_delivery set status = 'FAILED', lease_until = null, last_error = :reason where status ="
                        + " 'PENDING' and channel = 'WEBHOOK' and target = :target",
                new MapSqlParameterSource().addValue("reason", reason).addValue("target", endpoint.toString()));
    }

    /** Sends a delivery again, with the same id, as soon as a dispatcher is free. */
    public boolean redeliver(UUID id, String account, Instant now) {
        return jdbc.update(
                        "update notify_delivery set status = 'PENDING', next_attempt_at = :now, lease_until = null where"
                                + " id = :id and account = :account and status <> 'PENDING'",
                        new MapSqlParameterSource()
                                .addValue("id", id)
                                .addValue("account", account)
                                .addValue("now", Timestamp.from(now)))
                == 1;
    }
}
