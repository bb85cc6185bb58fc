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
        return insertInto(connection, insert -> {
            for (StoredEvent event : events) {
                insert.accept(event);
            }
        });
    }

    /**
     * The stored events read in order from {@code source} as they are inserted through {@code target}, for a store too
     * large to hold in memory; the time counts both.
     */
    static Measurement copy(Connection source, Connection target) throws SQLException {
        return insertInto(target, insert -> StoredEvent.forEach(source, insert));
    }

    /** Feeds events to an insert. */
    private interface Feed {
        void run(SqlConsumer<StoredEvent> insert) throws SQLException;
    }

    private static Measurement insertInto(Connection connection, Feed feed) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.execute("create table " + TABLE + " (like domainevententry including all)");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        long[] inserted = {0};
        try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision,"
                + " payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            feed.run(event -> {
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
                if (++inserted[0] % BATCH_SIZE == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            });
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return Measurement.since(PATH, inserted[0], start);
    }
}
