package org.tracker.api.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.tracker.audit.chain.ChainHash;
import org.tracker.audit.chain.ChainHead;
import org.tracker.audit.chain.ChainLink;
import org.tracker.audit.chain.StoredEvent;

/** Rows of the event table and of the chain's tables, read as tracker-audit hashes and checks them. */
final class StoredEvents {

    /** Every column of Axon's event table, {@code e} its alias. */
    static final String EVENT_COLUMNS = "e.globalindex, e.eventidentifier, e.aggregateidentifier, e.sequencenumber,"
            + " e.type, e.timestamp, e.payloadtype, e.payloadrevision, e.payload, e.metadata";

    static final String LINK_COLUMNS =
            "c.global_index, c.aggregate_identifier, c.sequence_number, c.previous_hash, c.hash";

    static final String HEAD_COLUMNS = "aggregate_identifier, global_index, sequence_number, hash";

    private StoredEvents() {}

    /** The event in the row's first ten columns, as {@link #EVENT_COLUMNS} selects them. */
    static StoredEvent event(ResultSet row) throws SQLException {
        return new StoredEvent(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getLong(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getBytes(9),
                row.getBytes(10));
    }

    /** The link in the row's five columns from {@code first}, as {@link #LINK_COLUMNS} selects them; null if none. */
    static ChainLink link(ResultSet row, int first) throws SQLException {
        long globalIndex = row.getLong(first);
        if (row.wasNull()) {
            return null;
        }
        return new ChainLink(
                globalIndex,
                row.getString(first + 1),
                row.getLong(first + 2),
                ChainHash.of(row.getBytes(first + 3)),
                ChainHash.of(row.getBytes(first + 4)));
    }

    /** The head in the row, as {@link #HEAD_COLUMNS} selects it. */
    static ChainHead head(ResultSet row) throws SQLException {
        return new ChainHead(row.getString(1), row.getLong(2), row.getLong(3), ChainHash.of(row.getBytes(4)));
    }
}
