package org.tracker.api.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tracker.audit.chain.ChainHead;
import org.tracker.audit.chain.ChainLink;
import org.tracker.audit.chain.ChainReport;
import org.tracker.audit.chain.ChainWalk;
import org.tracker.audit.chain.LedgerDigest;
import org.tracker.audit.chain.StoredEvent;

/**
 * Walks the whole store in one snapshot: the event table and the links, each through a cursor in global order,
 * merged position by position, then the heads. Memory holds one fetch of each cursor and one link per measure, so a
 * store of millions of events is walked as easily as a small one; appends go on meanwhile, unseen by the walk.
 */
@Component
public class ChainVerifier {

    /** Told how far a walk got, every {@link #PROGRESS_EVERY} positions. */
    @FunctionalInterface
    public interface Progress {
        void walked(long eventsChecked, int percent);
    }

    /**
     * The ledger digest alone, without a walk: cheap enough to take and write down somewhere else often.
     *
     * @param throughEvent the global index of the newest event the digest covers
     */
    public record Ledger(String ledgerDigest, long measures, long throughEvent) {}

    static final long PROGRESS_EVERY = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private final DataSource dataSource;

    public ChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Walks the chain up to its first problem. */
    public ChainReport walk(Progress progress) {
        long started = System.nanoTime();
        try (StoreSnapshot snapshot = StoreSnapshot.open(dataSource)) {
            Connection connection = snapshot.connection();
            ChainWalk walk = new ChainWalk();
            walkPositions(connection, walk, progress);
            try (PreparedStatement select = connection.prepareStatement(headsInByteOrder())) {
                select.setFetchSize(StoreSnapshot.FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        walk.checkHead(StoredEvents.head(rows));
                    }
                }
            }
            ChainReport report = walk.report();
            log.atInfo()
                    .addKeyValue("intact", report.intact())
                    .addKeyValue("eventsChecked", report.eventsChecked())
                    .addKeyValue("measuresChecked", report.measuresChecked())
                    .addKeyValue("ledgerDigest", report.ledgerDigest())
                    .addKeyValue("millis", (System.nanoTime() - started) / 1_000_000)
                    .log(
                            "Event chain walked: {}",
                            report.intact() ? "intact" : report.firstProblem().description());
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("The event chain could not be walked", e);
        }
    }

    private static void walkPositions(Connection connection, ChainWalk walk, Progress progress) throws SQLException {
        long lastPosition = lastPosition(connection);
        try (PreparedStatement events = connection.prepareStatement(
                        "select " + StoredEvents.EVENT_COLUMNS + " from domainevententry e order by e.globalindex");
                PreparedStatement links = connection.prepareStatement(
                        "select " + StoredEvents.LINK_COLUMNS + " from event_chain c order by c.global_index")) {
            events.setFetchSize(StoreSnapshot.FETCH_SIZE);
            links.setFetchSize(StoreSnapshot.FETCH_SIZE);
            try (ResultSet eventRows = events.executeQuery();
                    ResultSet linkRows = links.executeQuery()) {
                StoredEvent event = eventRows.next() ? StoredEvents.event(eventRows) : null;
                ChainLink link = linkRows.next() ? StoredEvents.link(linkRows, 1) : null;
                long positions = 0;
                while (event != null || link != null) {
                    long eventAt = event == null ? Long.MAX_VALUE : event.globalIndex();
                    long linkAt = link == null ? Long.MAX_VALUE : link.globalIndex();
                    StoredEvent eventHere = eventAt <= linkAt ? event : null;
                    ChainLink linkHere = linkAt <= eventAt ? link : null;
                    if (!walk.check(eventHere, linkHere)) {
                        return;
                    }
                    if (eventHere != null) {
                        event = eventRows.next() ? StoredEvents.event(eventRows) : null;
                    }
                    if (linkHere != null) {
                        link = linkRows.next() ? StoredEvents.link(linkRows, 1) : null;
                    }
                    if (++positions % PROGRESS_EVERY == 0) {
                        progress.walked(walk.eventsChecked(), (int) (100 * Math.min(eventAt, linkAt) / lastPosition));
                    }
                }
            }
        }
    }

    /** The digest over every measure's head, in one snapshot. */
    public Ledger ledger() {
        try (StoreSnapshot snapshot = StoreSnapshot.open(dataSource);
                PreparedStatement select = snapshot.connection().prepareStatement(headsInByteOrder())) {
            select.setFetchSize(StoreSnapshot.FETCH_SIZE);
            LedgerDigest digest = new LedgerDigest();
            long throughEvent = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ChainHead head = StoredEvents.head(rows);
                    digest.add(head);
                    throughEvent = Math.max(throughEvent, head.globalIndex());
                }
            }
            return new Ledger(digest.finish().hex(), digest.heads(), throughEvent);
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger digest could not be taken", e);
        }
    }

    /** The "C" collation orders text by its bytes, as {@link LedgerDigest} needs, whatever the database's locale. */
    static String headsInByteOrder() {
        return "select " + StoredEvents.HEAD_COLUMNS
                + " from event_chain_head order by aggregate_identifier collate \"C\"";
    }

    private static long lastPosition(Connection connection) throws SQLException {
        try (PreparedStatement select =
                        connection.prepareStatement("select greatest((select max(globalindex) from domainevententry),"
                                + " (select max(global_index) from event_chain), 1)");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
