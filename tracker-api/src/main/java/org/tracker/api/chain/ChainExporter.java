package org.tracker.api.chain;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tracker.audit.chain.ChainHead;
import org.tracker.audit.chain.LedgerDigest;
import org.tracker.audit.export.ExportSelection;
import org.tracker.audit.export.ExportWriter;

/**
 * Writes exports of a measure, or of the events recorded in a time range, with their links, from one snapshot: the
 * closing line's heads and ledger digest are those of the store the events were read from.
 */
@Component
public class ChainExporter {

    private static final Logger log = LoggerFactory.getLogger(ChainExporter.class);

    private static final String EVENTS_WITH_LINKS = "select " + StoredEvents.EVENT_COLUMNS + ", "
            + StoredEvents.LINK_COLUMNS + " from domainevententry e left join event_chain c on c.global_index ="
            + " e.globalindex";

    private final DataSource dataSource;
    private final Clock clock;

    public ChainExporter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Whether the store holds events, or links, of the measure. */
    public boolean knows(String measure) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select exists (select 1 from domainevententry where aggregateidentifier = ?)"
                                + " or exists (select 1 from event_chain_head where aggregate_identifier = ?)")) {
            select.setString(1, measure);
            select.setString(2, measure);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The store could not be asked about measure " + measure, e);
        }
    }

    public void exportMeasure(String measure, OutputStream out) throws IOException {
        export(ExportSelection.ofMeasure(measure), out, select -> select.setString(1, measure));
    }

    /** The events whose recorded time (the store's timestamp) is at or after {@code from} and before {@code to}. */
    public void exportRecorded(Instant from, Instant to, OutputStream out) throws IOException {
        export(ExportSelection.recorded(from.toString(), to.toString()), out, select -> {
            select.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            select.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        });
    }

    private interface Parameters {
        void set(PreparedStatement select) throws SQLException;
    }

    private void export(ExportSelection selection, OutputStream out, Parameters parameters) throws IOException {
        String query = EVENTS_WITH_LINKS
                + (selection.wholeMeasure()
                        ? " where e.aggregateidentifier = ?"
                        : " where e.timestamp::timestamptz >= ? and e.timestamp::timestamptz < ?")
                + " order by e.globalindex";
        try (StoreSnapshot snapshot = StoreSnapshot.open(dataSource)) {
            Connection connection = snapshot.connection();
            ExportWriter writer =
                    new ExportWriter(out, selection, clock.instant().toString());
            try (PreparedStatement select = connection.prepareStatement(query)) {
                select.setFetchSize(StoreSnapshot.FETCH_SIZE);
                parameters.set(select);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        writer.write(StoredEvents.event(rows), StoredEvents.link(rows, 11));
                    }
                }
            }
            Map<String, ChainHead> heads = new HashMap<>();
            LedgerDigest digest = new LedgerDigest();
            Set<String> exported = writer.measures();
            try (PreparedStatement select = connection.prepareStatement(ChainVerifier.headsInByteOrder())) {
                select.setFetchSize(StoreSnapshot.FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ChainHead head = StoredEvents.head(rows);
                        digest.add(head);
                        if (exported.contains(head.measure())) {
                            heads.put(head.measure(), head);
                        }
                    }
                }
            }
            writer.close(heads, digest.finish());
            log.atInfo()
                    .addKeyValue("selection", selection.describe())
                    .addKeyValue("measures", exported.size())
                    .log("Exported {}", selection.describe());
        } catch (SQLException e) {
            throw new IllegalStateException("The export of " + selection.describe() + " could not be read", e);
        }
    }
}
