package org.tracker.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One row of the event table, as Axon's JDBC store wrote it: the data every baseline moves. */
record StoredEvent(
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String eventIdentifier,
        byte[] metadata,
        byte[] payload,
        String payloadRevision,
        String payloadType,
        String timestamp) {

    static List<StoredEvent> readAll(Connection connection) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        forEach(connection, events::add);
        return events;
    }

    /** Each stored event in order, read a thousand rows at a time, so that no store is too large for it. */
    static void forEach(Connection connection, SqlConsumer<StoredEvent> action) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL's driver reads a result in pieces only inside a transaction.
        connection.setAutoCommit(false);
        try (Statement select = connection.createStatement()) {
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery("select aggregateidentifier, sequencenumber, type,"
                    + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp"
                    + " from domainevententry order by globalindex")) {
                while (rows.next()) {
                    action.accept(new StoredEvent(
                            rows.getString(1),
                            rows.getLong(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getBytes(5),
                            rows.getBytes(6),
                            rows.getString(7),
                            rows.getString(8),
                            rows.getString(9)));
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
    }

    static long count(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("select count(*) from domainevententry")) {
            row.next();
            return row.getLong(1);
        }
    }
}
