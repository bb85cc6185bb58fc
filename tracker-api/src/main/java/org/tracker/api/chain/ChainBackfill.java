package org.tracker.api.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tracker.audit.chain.StoredEvent;

/**
 * Links, once, the events a store held before the chain existed (migration 13.1, right after V13 made its tables), so
 * that an existing store becomes verifiable. It runs inside Flyway's transaction, before the tracker appends anything,
 * so no append can link to a measure whose older events are not linked yet; and only then, so that a row inserted by
 * hand later is never linked as if the tracker had stored it.
 *
 * <p>Events are read in global order through a cursor and linked in batches, with a line in the log per batch: a
 * store of millions of events is linked in the memory of one batch.
 */
@Component
class ChainBackfill implements JavaMigration {

    static final int BATCH = 5_000;

    private static final Logger log = LoggerFactory.getLogger(ChainBackfill.class);

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("13.1");
    }

    @Override
    public String getDescription() {
        return "link the events stored before the chain";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long total = count(connection);
        if (total == 0) {
            return;
        }
        log.atInfo()
                .addKeyValue("events", total)
                .log("Linking the {} events stored before the tamper-evident chain existed", total);
        long linked = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "select " + StoredEvents.EVENT_COLUMNS + " from domainevententry e order by e.globalindex")) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                List<StoredEvent> batch = new ArrayList<>(BATCH);
                while (rows.next()) {
                    batch.add(StoredEvents.event(rows));
                    if (batch.size() == BATCH) {
                        linked = link(connection, batch, linked, total);
                    }
                }
                if (!batch.isEmpty()) {
                    link(connection, batch, linked, total);
                }
            }
        }
    }

    private static long link(Connection connection, List<StoredEvent> batch, long linkedBefore, long total)
            throws SQLException {
        EventLinker.link(connection, batch);
        long linked = linkedBefore + batch.size();
        batch.clear();
        log.atInfo()
                .addKeyValue("linked", linked)
                .addKeyValue("events", total)
                .log("Linked {} of {} stored events", linked, total);
        return linked;
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select count(*) from domainevententry");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
