package org.tracker.api.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.tracker.audit.chain.StoredEvent;

/**
 * Axon's JDBC engine, which also links every event it appends into its measure's chain, in the same transaction: an
 * event is never stored without its link, nor a link without its event. The rows are read back once stored, so that
 * what is hashed is exactly what the table holds (the timestamp as written, the serialized bytes) and the global
 * index the database gave each.
 */
class ChainingEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactions;

    /** @param builder with everything but the transaction manager, which this engine needs too */
    ChainingEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactions) {
        super(builder.transactionManager(transactions));
        this.transactions = transactions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            Connection connection = getConnection();
            try {
                EventLinker.link(connection, readBack(connection, events));
            } catch (SQLException e) {
                throw new EventStoreException("The events were stored but could not be linked into their chain", e);
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
    }

    private static List<StoredEvent> readBack(Connection connection, List<? extends EventMessage<?>> events)
            throws SQLException {
        String[] identifiers = events.stream().map(EventMessage::getIdentifier).toArray(String[]::new);
        List<StoredEvent> stored = new ArrayList<>(identifiers.length);
        try (PreparedStatement select = connection.prepareStatement("select " + StoredEvents.EVENT_COLUMNS
                + " from domainevententry e where e.eventidentifier = any (?) order by e.globalindex")) {
            select.setArray(1, connection.createArrayOf("varchar", identifiers));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(StoredEvents.event(rows));
                }
            }
        }
        if (stored.size() != identifiers.length) {
            throw new EventStoreException(
                    "Stored " + identifiers.length + " events but read back " + stored.size() + " to link");
        }
        return stored;
    }
}
