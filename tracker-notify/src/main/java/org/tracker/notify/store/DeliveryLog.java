package org.tracker.notify.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tracker.notify.store.Delivery.Channel;
import org.tracker.notify.store.Delivery.Status;

/** Deliveries and their attempts as an account reads them back: what was sent, where it stands, every try. */
@Repository
public class DeliveryLog {

    /** A delivery's columns, of {@code notify_delivery d}. */
    static final String DELIVERY_COLUMNS = "d.id, d.alert_id, d.subscription_id, d.account, d.channel, d.target,"
            + " d.event_type, d.payload, d.status, d.attempts, d.next_attempt_at, d.last_error, d.created_at,"
            + " d.delivered_at";

    /**
     * Deliveries as an account reads them. One that waits goes no sooner than its destination is tried again: while
     * the destination fails, the deliveries behind its oldest wait with it.
     */
    private static final String READ = "select d.id, d.alert_id, d.subscription_id, d.account, d.channel, d.target,"
            + " d.event_type, d.payload, d.status, d.attempts, case when d.status = 'PENDING' then"
            + " greatest(d.next_attempt_at, w.next_attempt_at) else d.next_attempt_at end as next_attempt_at,"
            + " d.last_error, d.created_at, d.delivered_at from notify_delivery d left join notify_destination w on"
            + " w.channel = d.channel and w.target = d.target";

    static final String ATTEMPT_COLUMNS =
            "delivery_id, attempted_at, channel, target, outcome, status_code, latency_ms, error";

    private final NamedParameterJdbcTemplate jdbc;

    public DeliveryLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Delivery> delivery(UUID id, String account) {
        return jdbc
                .query(
                        READ + " where d.id = :id and d.account = :account",
                        Map.of("id", id, "account", account),
                        DeliveryLog::delivery)
                .stream()
                .findFirst();
    }

    /**
     * An account's deliveries, newest first.
     *
     * @param subscription only this subscription's, or null for all
     * @param status only in this state, or null for any
     */
    public List<Delivery> deliveries(String account, UUID subscription, Status status, int limit) {
        StringBuilder sql = new StringBuilder(READ + " where d.account = :account");
        MapSqlParameterSource parameters =
                new MapSqlParameterSource().addValue("account", account).addValue("limit", limit);
        if (subscription != null) {
            sql.append(" and d.subscription_id = :subscription");
            parameters.addValue("subscription", subscription);
        }
        if (status != null) {
            sql.append(" and d.status = :status");
            parameters.addValue("status", status.name());
        }
        sql.append(" order by d.created_at desc, d.id limit :limit");
        return jdbc.query(sql.toString(), parameters, DeliveryLog::delivery);
    }

    public List<Attempt> attempts(UUID deliveryId) {
        return jdbc.query(
                "select " + ATTEMPT_COLUMNS + " from notify_attempt where delivery_id = :id order by id",
                Map.of("id", deliveryId),
                DeliveryLog::attempt);
    }

    static Delivery delivery(ResultSet rs, int rowNumber) throws SQLException {
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getObject("alert_id", UUID.class),
                rs.getObject("subscription_id", UUID.class),
                rs.getString("account"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("target"),
                rs.getString("event_type"),
                rs.getString("payload"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                EndpointStore.instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                EndpointStore.instant(rs, "created_at"),
                EndpointStore.instant(rs, "delivered_at"));
    }

    static Attempt attempt(ResultSet rs, int rowNumber) throws SQLException {
        return new Attempt(
                rs.getObject("delivery_id", UUID.class),
                rs.getTimestamp("attempted_at").toInstant(),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("target"),
                Attempt.Outcome.valueOf(rs.getString("outcome")),
                (Integer) rs.getObject("status_code"),
                rs.getInt("latency_ms"),
                rs.getString("error"));
    }
}
