package org.tracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.tracker.imports.Fixtures;
import org.tracker.imports.file.RecordFiles;

/**
 * {@code ./tracker bench import}: a Congress-sized import, end to end. Copies of the shared BILLSTATUS fixtures, each
 * renumbered into a bill of its own, are imported by {@code ./tracker import}'s own code over the HTTP API into a
 * tracker on fresh embedded servers; the clock stops when the measure table shows every stored event. Beside it, in
 * the same run: the same files only read and parsed, and the stored event rows copied by plain batched JDBC.
 */
final class ImportBenchmark {

    static final String USAGE =
            """
            usage: ./tracker bench import [--bills=N] [--parallel=P] [--spring.or.tracker.property=value ...]
              --bills     how many renumbered fixture copies to import (default 15000, a Congress's worth)
              --parallel  files posted at once, as ./tracker import --parallel (default 2, the command's own)""";

    private static final String OPERATOR_TOKEN = "bench-" + UUID.randomUUID();
    private static final String TOPIC = "bench.import";
    /** Above every number the fixtures use, so no copy is the record of a fixture's own bill. */
    private static final int FIRST_NUMBER = 100_000;

    private static final Duration PROJECTION_PATIENCE = Duration.ofMinutes(10);

    private final int bills;
    private final int parallel;
    private final Map<String, String> trackerSettings;
    private final Progress progress = new Progress();

    private ImportBenchmark(int bills, int parallel, Map<String, String> trackerSettings) {
        this.bills = bills;
        this.parallel = parallel;
        this.trackerSettings = trackerSettings;
    }

    static void run(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, Map.of("bills", "15000", "parallel", "2"));
        new ImportBenchmark(
                        arguments.positiveInt("bills"), arguments.positiveInt("parallel"), arguments.trackerSettings())
                .run();
    }

    private void run() throws Exception {
        Path copies = Files.createTempDirectory("tracker-bench-import");
        try {
            List<Path> fixtures = fixtures();
            progress.say(String.format(
                    "writing %,d renumbered copies of the %d BILLSTATUS fixtures to %s",
                    bills, fixtures.size(), copies));
            long bytes = writeCopies(fixtures, copies);
            progress.say(String.format("%,d files, %,.0f MB", bills, bytes / 1e6));

            progress.say("baseline: the same files only read and parsed, here, one thread");
            Measurement parsed = parseOnly(copies);

            progress.say("starting embedded PostgreSQL and Kafka");
            try (BenchServers servers = BenchServers.start();
                    MemoryPeaks memory = new MemoryPeaks(servers.postmasterPidFile());
                    Connection database = servers.connect()) {
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("tracker.api-token", OPERATOR_TOKEN);
                settings.putAll(trackerSettings);
                progress.say("starting the tracker on topic " + TOPIC);
                double importSeconds;
                double projectedSeconds;
                try (TrackerInstance tracker = TrackerInstance.start(servers, TOPIC, settings)) {
                    progress.say(String.format(
                            "importing with ./tracker import's code: one file per request, %d at once", parallel));
                    long start = System.nanoTime();
                    tracker.importWithTheCommand(OPERATOR_TOKEN, List.of("--parallel=" + parallel, copies.toString()));
                    importSeconds = (System.nanoTime() - start) / 1e9;
                    awaitProjection(database);
                    projectedSeconds = (System.nanoTime() - start) / 1e9;
                }
                long events = count(database, "select count(*) from domainevententry");
                long billsProjected = count(database, "select count(*) from measure where kind = 'BILL'");
                progress.say(
                        String.format("baseline: the %,d stored event rows copied with plain batched JDBC", events));
                Measurement jdbc;
                try (Connection target = servers.connect()) {
                    jdbc = JdbcBaseline.copy(database, target);
                }

                System.out.println();
                System.out.printf(
                        "import, end to end into the projection: %,d bills, %,d events in %.1f s (the last file was"
                                + " answered after %.1f s)%n",
                        billsProjected, events, projectedSeconds, importSeconds);
                System.out.printf(
                        "  %,.1f bills/s   %,.0f events/s%n",
                        billsProjected / projectedSeconds, events / projectedSeconds);
                System.out.printf(
                        "baseline: the files read and parsed only: %,.1f files/s (%,.1f s); the import runs at %.2f of"
                                + " it%n",
                        parsed.eventsPerSecond(),
                        parsed.seconds(),
                        billsProjected / projectedSeconds / parsed.eventsPerSecond());
                System.out.printf(
                        "baseline: the event rows read and inserted again by plain JDBC: %,.0f events/s; the import"
                                + " runs at %.3f of it%n",
                        jdbc.eventsPerSecond(), events / projectedSeconds / jdbc.eventsPerSecond());
                System.out.println(memory.report("the Kafka broker and the import's client"));
            }
            progress.say("servers stopped");
        } finally {
            BenchServers.deleteRecursively(copies);
            progress.say("copies deleted");
        }
    }

    /** The fixture files, the Library of Congress's duplicates and both generations of S. 35 included. */
    private static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.billStatus())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        }
    }

    /** Copy i is fixture i mod n, numbered {@link #FIRST_NUMBER} + i: every copy is a bill of its own. */
    private long writeCopies(List<Path> fixtures, Path directory) throws IOException {
        long bytes = 0;
        for (int i = 0; i < bills; i++) {
            Path fixture = fixtures.get(i % fixtures.size());
            byte[] copy = Fixtures.renumbered(fixture, FIRST_NUMBER + i);
            String name = String.format("%06d-%s", i, fixture.getFileName());
            Files.write(directory.resolve(name), copy);
            bytes += copy.length;
        }
        return bytes;
    }

    private Measurement parseOnly(Path directory) throws IOException {
        RecordFiles files = new RecordFiles(RecordFiles.DEFAULT_MAX_BYTES);
        List<Path> paths;
        try (Stream<Path> listed = Files.list(directory)) {
            paths = new ArrayList<>(listed.sorted().toList());
        }
        long start = System.nanoTime();
        AtomicLong read = new AtomicLong();
        try (Progress.Report report =
                progress.reportWhile(() -> String.format("parsed %,d of %,d files", read.get(), paths.size()))) {
            for (Path path : paths) {
                files.read(path);
                read.incrementAndGet();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return Measurement.since("read and parse", paths.size(), start);
    }

    /** Until the measure table shows every stored event: each row counts the events of its measure it applied. */
    private void awaitProjection(Connection database) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + PROJECTION_PATIENCE.toNanos();
        AtomicLong stored = new AtomicLong();
        AtomicLong projected = new AtomicLong();
        try (Progress.Report report = progress.reportWhile(() -> String.format(
                "waiting for the projection: %,d of %,d events projected", projected.get(), stored.get()))) {
            do {
                stored.set(count(database, "select count(*) from domainevententry"));
                projected.set(count(database, "select coalesce(sum(last_sequence + 1), 0) from measure"));
                if (projected.get() >= stored.get()) {
                    return;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
        }
        throw new IllegalStateException(
                "after " + PROJECTION_PATIENCE + " the projection shows " + projected + " of " + stored + " events");
    }

    private static long count(Connection database, String query) throws SQLException {
        try (Statement select = database.createStatement();
                ResultSet row = select.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
