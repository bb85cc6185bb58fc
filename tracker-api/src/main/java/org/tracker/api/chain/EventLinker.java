package org.tracker.api.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tracker.audit.chain.ChainHash;
import org.tracker.audit.chain.ChainHead;
import org.tracker.audit.chain.EventChain;
import org.tracker.audit.chain.StoredEvent;

/**
 * Links stored events to their measures' chains, on the caller's connection and inside its transaction, in three
 * statements whatever their number: lock and read the measures' heads, insert the links, move the heads.
 *
 * <p>Locking the heads makes appends to one measure take turns until commit, so each links to the hash the one before
 * it committed. Axon's unique (aggregate, sequence) key already makes such appends wait for each other; the lock keeps
 * the chain right even if two ever got past it. Heads are locked in the order of their ids, so that two batches
 * touching the same measures cannot wait on each other.
 */
final class EventLinker {

    private static final Logger log = LoggerFactory.getLogger(EventLinker.class);

    private EventLinker() {}

    /** @param events rows just stored, in global order, so that several events of a measure link in sequence */
    static void link(Connection connection, List<StoredEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Map<String, ChainHead> heads = lockHeads(connection, events);
        Map<String, ChainHead> moved = new LinkedHashMap<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into event_chain (global_index,"
                + " aggregate_identifier, sequence_number, previous_hash, hash) values (?, ?, ?, ?, ?)")) {
            for (StoredEvent event : events) {
                ChainHead head = heads.get(event.aggregateIdentifier());
                warnIfNotNext(head, event);
                ChainHash previous = head == null ? ChainHash.NONE : head.hash();
                ChainHash hash = EventChain.link(previous, event);
                insert.setLong(1, event.globalIndex());
                insert.setString(2, event.aggregateIdentifier());
                insert.setLong(3, event.sequenceNumber());
                insert.setBytes(4, previous.bytes());
                insert.setBytes(5, hash.bytes());
                insert.addBatch();
                ChainHead next =
                        new ChainHead(event.aggregateIdentifier(), event.globalIndex(), event.sequenceNumber(), hash);
                heads.put(event.aggregateIdentifier(), next);
                moved.put(event.aggregateIdentifier(), next);
            }
            insert.executeBatch();
        }
        try (PreparedStatement upsert = connection.prepareStatement("insert into event_chain_head ("
                + StoredEvents.HEAD_COLUMNS + ") values (?, ?, ?, ?) on conflict (aggregate_identifier) do update"
                + " set global_index = excluded.global_index, sequence_number = excluded.sequence_number,"
                + " hash = excluded.hash")) {
            for (ChainHead head : moved.values()) {
                upsert.setString(1, head.measure());
                upsert.setLong(2, head.globalIndex());
                upsert.setLong(3, head.sequenceNumber());
                upsert.setBytes(4, head.hash().bytes());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static Map<String, ChainHead> lockHeads(Connection connection, List<StoredEvent> events)
            throws SQLException {
        String[] measures =
                events.stream().map(StoredEvent::aggregateIdentifier).distinct().toArray(String[]::new);
        Map<String, ChainHead> heads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select " + StoredEvents.HEAD_COLUMNS
                + " from event_chain_head where aggregate_identifier = any (?)"
                + " order by aggregate_identifier for update")) {
            select.setArray(1, connection.createArrayOf("varchar", measures));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ChainHead head = StoredEvents.head(rows);
                    heads.put(head.measure(), head);
                }
            }
        }
        return heads;
    }

    /**
     * An event that does not follow its measure's head in sequence is stored after someone deleted or inserted that
     * measure's newest events by hand: the tracker goes on, linked to the head, and the walk names what was done.
     */
    private static void warnIfNotNext(ChainHead head, StoredEvent event) {
        long expected = head == null ? 0 : head.sequenceNumber() + 1;
        if (event.sequenceNumber() != expected) {
            log.atWarn()
                    .addKeyValue("measure", event.aggregateIdentifier())
                    .addKeyValue("globalIndex", event.globalIndex())
                    .addKeyValue("sequence", event.sequenceNumber())
                    .addKeyValue("expectedSequence", expected)
                    .log("An event does not follow its measure's chain head: the event table was edited by hand;"
                            + " run ./tracker verify");
        }
    }
}
