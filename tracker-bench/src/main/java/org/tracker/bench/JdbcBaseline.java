package org.tracker.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What PostgreSQL takes from a plain JDBC client on this machine: the stored events inserted again, in batches of
 * 1,000 with one commit per batch, into a table made like the event table (same columns, indexes and constraints).
 */
final class JdbcBaseline {

    static final String PATH = "raw JDBC batch insert (baseline)";

    private static final int BATCH_SIZE = 1_000;
    private static final String TABLE = "bench_domainevententry";

    private JdbcBaseline() {}

    static Measurement insert(Connection connection, List<StoredEvent> events) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.execute("create table " + TABLE + " (like domainevententry including all)");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision,"
                + " payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (StoredEvent event : events) {
                insert.setString(1, event.aggregateIdentifier());
                insert.setLong(2, event.sequenceNumber());
                insert.setString(3, event.type());
                insert.setString(4, event.eventIdentifier());
                insert.setBytes(5, event.metadata());
                insert.setBytes(6, event.payload());
                insert.setString(7, event.payloadRevision());
                insert.setString(8, event.payloadType());
                insert.setString(9, event.timestamp());
                insert.addBatch();
                if (++batched == BATCH_SIZE) {
                    insert.executeBatch();
                    connection.commit();
                    batched = 0;
                }
            }
            if (batched > 0) {
                insert.executeBatch();
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return Measurement.since(PATH, events.size(), start);
    }
}
