package org.tracker.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the database says of the benchmark's facts: which are in the event store, which of those the measure projection
 * has applied, and which alerts still wait for a retry. Each question opens a connection of its own, since the
 * database may have been stopped and started since the last.
 */
final class FactStore {

    private static final String ACTION_RECORDED = "org.tracker.core.api.BillActionRecorded";

    private final FaultCluster cluster;

    FactStore(FaultCluster cluster) {
        this.cluster = cluster;
    }

    /** The highest global index in the store: later facts are stored above it. */
    long lastIndex() throws SQLException {
        try (Connection connection = cluster.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select coalesce(max(globalindex), 0) from domainevententry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The texts of the actions stored above {@code afterIndex}, each with whether the projection has applied it: the
     * projection applies a measure's events in order and keeps the sequence of the last, so an event is applied once
     * its measure's {@code last_sequence} reaches the event's own.
     */
    Map<String, Boolean> stored(long afterIndex) throws SQLException {
        try (Connection connection = cluster.connect();
                PreparedStatement query =
                        connection.prepareStatement("select convert_from(e.payload, 'UTF8')::jsonb #>> '{action,text}',"
                                + " coalesce(m.last_sequence >= e.sequencenumber, false)"
                                + " from domainevententry e left join measure m on m.measure_id = e.aggregateidentifier"
                                + " where e.globalindex > ? and e.payloadtype = ?")) {
            query.setLong(1, afterIndex);
            query.setString(2, ACTION_RECORDED);
            Map<String, Boolean> stored = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getBoolean(2));
                }
            }
            return stored;
        }
    }

    /** Of these facts, those whose alert is still to be attempted again: late, not lost. */
    Set<String> awaitingRetry(Set<String> facts) throws SQLException {
        try (Connection connection = cluster.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select payload::jsonb #>> '{data,change,to}' from notify_delivery where status = 'PENDING'")) {
            Set<String> waiting = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (facts.contains(rows.getString(1))) {
                        waiting.add(rows.getString(1));
                    }
                }
            }
            return waiting;
        }
    }
}
