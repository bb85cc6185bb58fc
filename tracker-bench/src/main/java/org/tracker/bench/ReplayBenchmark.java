package org.tracker.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.tracker.api.measures.ProjectionRebuild;
import org.tracker.imports.Fixtures;

/**
 * {@code ./tracker bench replay}: the measure projection rebuilt from a store of a million events. The store is the
 * shared BILLSTATUS fixtures imported through the tracker, then copied by plain JDBC under new measure ids until it
 * holds the number asked for; the relay and the live projection are stopped first, so the rebuild has the machine to
 * itself. Beside it, in the same run: a plain sequential read of the same event rows.
 */
final class ReplayBenchmark {

    static final String USAGE =
            """
            usage: ./tracker bench replay [--events=N] [--spring.or.tracker.property=value ...]
              --events  events in the store the projection is rebuilt from (default 1000000)""";

    private static final String OPERATOR_TOKEN = "bench-" + UUID.randomUUID();
    private static final String TOPIC = "bench.replay-store";
    private static final int BATCH_SIZE = 1_000;
    private static final String COLUMNS =
            "aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision,"
                    + " payloadtype, timestamp";

    private final int events;
    private final Map<String, String> trackerSettings;
    private final Progress progress = new Progress();

    private ReplayBenchmark(int events, Map<String, String> trackerSettings) {
        this.events = events;
        this.trackerSettings = trackerSettings;
    }

    static void run(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, Map.of("events", "1000000"));
        new ReplayBenchmark(arguments.positiveInt("events"), arguments.trackerSettings()).run();
    }

    private void run() throws Exception {
        progress.say("starting embedded PostgreSQL and Kafka");
        try (BenchServers servers = BenchServers.start();
                MemoryPeaks memory = new MemoryPeaks(servers.postmasterPidFile());
                Connection database = servers.connect()) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("tracker.api-token", OPERATOR_TOKEN);
            settings.putAll(trackerSettings);
            progress.say("starting the tracker on topic " + TOPIC + "; stopping its relay and live projection");
            try (TrackerInstance tracker = TrackerInstance.start(servers, TOPIC, settings)) {
                tracker.relay().shutDown();
                tracker.projection().stop();

                progress.say("importing the BILLSTATUS fixtures through the tracker");
                tracker.importWithTheCommand(
                        OPERATOR_TOKEN, List.of(Fixtures.billStatus().toString()));
                fillStore(database);
                long stored = StoredEvent.count(database);

                progress.say(String.format("baseline: a plain sequential read of the %,d event rows", stored));
                Measurement readBefore = readAll(database);
                progress.say(String.format("rebuilding the measure projection from the %,d stored events", stored));
                ProjectionRebuild rebuild = tracker.projectionRebuild();
                long start = System.nanoTime();
                ProjectionRebuild.Status done;
                try (Progress.Report report = progress.reportWhile(() -> rebuild.status()
                        .map(status -> String.format(
                                "rebuild: %,d of about %,d events read, %,.0f/s",
                                status.eventsRead(), status.storeHead(), status.eventsPerSecond()))
                        .orElse("rebuild starting"))) {
                    done = rebuild.rebuild(false);
                }
                Measurement rebuilt = Measurement.since("rebuild", done.eventsRead(), start);
                if (done.state() != ProjectionRebuild.State.DONE) {
                    throw new IllegalStateException("the rebuild failed: " + done.error());
                }
                progress.say("baseline again, after the rebuild");
                Measurement readAfter = readAll(database);
                Measurement read = readBefore.eventsPerSecond() >= readAfter.eventsPerSecond() ? readBefore : readAfter;

                System.out.println();
                System.out.printf(
                        "rebuild of the measure projection from the store: %,d events into %,d rows in %.1f s:"
                                + " %,.0f events/s%n",
                        rebuilt.events(),
                        done.outcome().rebuilt().rows(),
                        rebuilt.seconds(),
                        rebuilt.eventsPerSecond());
                System.out.printf(
                        "baseline: plain sequential JDBC read of the same %,d rows (every column, 1,000 rows per"
                                + " fetch): %,.0f events/s before the rebuild, %,.0f after; the rebuild runs at %.3f of"
                                + " the faster%n",
                        stored,
                        readBefore.eventsPerSecond(),
                        readAfter.eventsPerSecond(),
                        rebuilt.eventsPerSecond() / read.eventsPerSecond());
                System.out.printf(
                        "rebuilt checksum: %s%n", done.outcome().rebuilt().sha256());
                System.out.println(memory.report("the Kafka broker"));
            }
        }
        progress.say("servers stopped, temporary files deleted");
    }

    /**
     * Copies the imported events under new measure ids until the store holds the events asked for: copy k of a
     * measure is its id with {@code -rk} appended, in the row and wherever the payload names it (a roll call names the
     * bill it was on), so each copy is a measure of its own with the same history.
     */
    private void fillStore(Connection database) throws SQLException {
        List<StoredEvent> templates = StoredEvent.readAll(database);
        Set<String> ids =
                templates.stream().map(StoredEvent::aggregateIdentifier).collect(Collectors.toSet());
        List<List<String>> named = new ArrayList<>(templates.size());
        for (StoredEvent template : templates) {
            String payload = new String(template.payload(), StandardCharsets.UTF_8);
            named.add(
                    ids.stream().filter(id -> payload.contains('"' + id + '"')).toList());
        }
        long toInsert = events - templates.size();
        progress.say(String.format(
                "filling the store: %,d imported events copied to %,d more", templates.size(), Math.max(toInsert, 0)));
        AtomicLong inserted = new AtomicLong();
        boolean autoCommit = database.getAutoCommit();
        database.setAutoCommit(false);
        try (Progress.Report report = progress.reportWhile(() ->
                        String.format("filling the store: %,d of %,d events inserted", inserted.get(), toInsert));
                PreparedStatement insert = database.prepareStatement(
                        "insert into domainevententry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int copy = 1; inserted.get() < toInsert; copy++) {
                String suffix = "-r" + copy;
                for (int i = 0; i < templates.size() && inserted.get() < toInsert; i++) {
                    StoredEvent template = templates.get(i);
                    String payload = new String(template.payload(), StandardCharsets.UTF_8);
                    for (String id : named.get(i)) {
                        payload = payload.replace('"' + id + '"', '"' + id + suffix + '"');
                    }
                    insert.setString(1, template.aggregateIdentifier() + suffix);
                    insert.setLong(2, template.sequenceNumber());
                    insert.setString(3, template.type());
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, template.metadata());
                    insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
                    insert.setString(7, template.payloadRevision());
                    insert.setString(8, template.payloadType());
                    insert.setString(9, template.timestamp());
                    insert.addBatch();
                    if (inserted.incrementAndGet() % BATCH_SIZE == 0) {
                        insert.executeBatch();
                        database.commit();
                    }
                }
            }
            insert.executeBatch();
            database.commit();
        } finally {
            database.setAutoCommit(autoCommit);
        }
        try (Statement analyze = database.createStatement()) {
            analyze.execute("analyze domainevententry");
        }
    }

    /** Every column of every row, in the store's order, as a client that only reads them would. */
    private static Measurement readAll(Connection database) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        boolean autoCommit = database.getAutoCommit();
        database.setAutoCommit(false);
        try (Statement select = database.createStatement()) {
            select.setFetchSize(BATCH_SIZE);
            try (ResultSet row = select.executeQuery(
                    "select globalindex, " + COLUMNS + " from domainevententry order by globalindex")) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    for (int column = 1; column <= columns; column++) {
                        row.getObject(column);
                    }
                    rows++;
                }
            }
        } finally {
            database.commit();
            database.setAutoCommit(autoCommit);
        }
        if (rows == 0) {
            throw new IllegalStateException("the store is empty");
        }
        return Measurement.since("plain sequential read", rows, start);
    }
}
