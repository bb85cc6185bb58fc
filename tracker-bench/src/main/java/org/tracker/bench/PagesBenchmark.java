package org.tracker.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.tracker.core.api.CongressTime;

/**
 * {@code ./tracker bench pages}: how fast the tracker's pages answer with a Congress's worth of bills in the store, and
 * how soon an open page hears of a new fact.
 *
 * <ol>
 *   <li>Bills (15,000 by default), a roll call, arms sales and reports are loaded through the tracker's command path
 *       and projected. Each page is then fetched over loopback, as many times untimed as timed, one request after the
 *       other; its time in the server (ServerTiming, a filter ahead of the tracker's own) and at the client are kept,
 *       beside the same SQL run by plain JDBC. The CSV export, which returns every row, is reported in rows/s.
 *   <li>Streams (100 by default) are opened on {@code /live}; facts are posted to the API one every 500 ms, each a new
 *       action on a bill of its own, and for each, the time from the API's 201 to its "change" event on every
 *       stream. Beside it, a NOTIFY sent by plain JDBC to its receipt on a LISTENing plain JDBC connection.
 * </ol>
 */
final class PagesBenchmark {

    static final String USAGE =
            """
            usage: ./tracker bench pages [--bills=N] [--streams=S] [--requests=R] [--facts=F] [--spring.or.tracker.property=value ...]
              --bills     bills loaded before the pages are timed (default 15000)
              --streams   live streams open while facts are posted (default 100)
              --requests  timed GETs of each page, after as many untimed ones (default 200)
              --facts     facts posted one every 500 ms, whose change events the streams wait for (default 20)""";

    private static final String TOPIC = "bench.pages";
    private static final String OPERATOR_TOKEN = "bench-" + UUID.randomUUID();
    private static final String NOTIFY_CHANNEL = "bench_baseline";
    private static final int LOAD_THREADS = 2;
    private static final long FACT_EVERY_MILLIS = 500;
    private static final int PAGE_SIZE = 50;
    private static final Duration PROJECTION_PATIENCE = Duration.ofMinutes(15);
    private static final Duration STREAM_PATIENCE = Duration.ofSeconds(60);
    private static final Duration ARRIVAL_PATIENCE = Duration.ofSeconds(30);

    private final int bills;
    private final int streams;
    private final int requests;
    private final int facts;
    private final Map<String, String> trackerSettings;
    private final Progress progress = new Progress();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final AtomicLong requestNames = new AtomicLong();

    private String base;

    private PagesBenchmark(int bills, int streams, int requests, int facts, Map<String, String> trackerSettings) {
        this.bills = bills;
        this.streams = streams;
        this.requests = requests;
        this.facts = facts;
        this.trackerSettings = trackerSettings;
    }

    static void run(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(
                args, Map.of("bills", "15000", "streams", "100", "requests", "200", "facts", "20"));
        int bills = arguments.positiveInt("bills");
        int facts = arguments.positiveInt("facts");
        if (bills < facts + 2) {
            throw new IllegalArgumentException("--bills must be at least --facts + 2: each fact goes to a bill of its"
                    + " own, and not to the one with the long history");
        }
        new PagesBenchmark(
                        bills,
                        arguments.positiveInt("streams"),
                        arguments.positiveInt("requests"),
                        facts,
                        arguments.trackerSettings())
                .run();
    }

    /** A page, and the statements it runs. */
    private record Page(String path, PageQueries.Work sql) {}

    private void run() throws Exception {
        progress.say("starting embedded PostgreSQL and Kafka");
        try (BenchServers servers = BenchServers.start();
                MemoryPeaks memory = new MemoryPeaks(servers.postmasterPidFile());
                Connection database = servers.connect()) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("tracker.api-token", OPERATOR_TOKEN);
            // A stream the benchmark closed is noticed by the server only when its next keep-alive comment fails, up
            // to 20 s later; a graceful shutdown would wait that long (and at most 30 s) for the streams to end.
            settings.put("server.shutdown", "immediate");
            settings.putAll(trackerSettings);
            progress.say("starting the tracker on topic " + TOPIC);
            LatencyTable pagesTable = new LatencyTable();
            ResultTable csvTable = new ResultTable("rows");
            Latencies live;
            int arrived;
            String loaded;
            try (TrackerInstance tracker = TrackerInstance.start(servers, TOPIC, settings, ServerTiming.class)) {
                base = "http://127.0.0.1:" + tracker.port();
                LocalDate today = CongressTime.dayOf(Instant.now());
                PageLoad load = new PageLoad(bills, today);
                loaded = load(tracker, load, database);

                for (Page page : pages(load, today)) {
                    pagesTable.add(timePage(page, database));
                }
                timeCsv(csvTable, database);

                progress.say(String.format("opening %,d live streams on /live", streams));
                long[] accepted = new long[facts];
                try (LiveStreamClients clients =
                        new LiveStreamClients(tracker.port(), streams, facts, STREAM_PATIENCE)) {
                    postFacts(clients, load, today, accepted);
                    awaitArrivals(clients);
                    List<Long> latencies = new ArrayList<>();
                    for (int fact = 0; fact < facts; fact++) {
                        for (int stream = 0; stream < streams; stream++) {
                            Long at = clients.arrival(fact, stream);
                            if (at != null) {
                                latencies.add(at - accepted[fact]);
                            }
                        }
                    }
                    live = new Latencies(
                            latencies.stream().mapToLong(Long::longValue).toArray());
                    arrived = latencies.size();
                }
                progress.say("streams closed; stopping the tracker");
            }
            progress.say(String.format(
                    "baseline: %,d NOTIFYs by plain JDBC, one every %d ms, to a LISTENing connection",
                    facts, FACT_EVERY_MILLIS));
            Latencies notify = notifyRoundTrips(servers);

            System.out.println();
            System.out.println(loaded);
            System.out.println();
            pagesTable.print(System.out);
            System.out.println();
            csvTable.print(System.out);
            System.out.println();
            System.out.printf(
                    "live: from the API's 201 for a fact to its \"change\" event, on each of %,d streams (%,d facts, one"
                            + " every %d ms):%n  %s   (%,d of %,d arrived)%n",
                    streams, facts, FACT_EVERY_MILLIS, live.summary(), arrived, facts * streams);
            System.out.printf(
                    "baseline: a NOTIFY by plain JDBC to its receipt on a LISTENing plain JDBC connection (%,d):%n"
                            + "  %s   ratio of p50 %.0f%n",
                    notify.count(),
                    notify.summary(),
                    (double) live.percentile(50) / Math.max(1, notify.percentile(50)));
            System.out.println(memory.report("the Kafka broker, the page requests and the " + streams + " streams"));
        }
        progress.say("servers stopped, temporary files deleted");
    }

    /** Loads the bills and the rest and waits until the projection shows them; @return a line saying so */
    private String load(TrackerInstance tracker, PageLoad load, Connection database)
            throws InterruptedException, SQLException {
        progress.say(String.format(
                "loading %,d bills, a roll call, %d arms sales and %d reports through the command path, %d threads",
                bills, PageLoad.ARMS_SALES, PageLoad.REPORTS, LOAD_THREADS));
        long start = System.nanoTime();
        try (Progress.Report report =
                progress.reportWhile(() -> String.format("loading: %,d commands sent", load.sent()))) {
            load.send(tracker.commandBatch(), LOAD_THREADS);
        }
        double sentSeconds = (System.nanoTime() - start) / 1e9;
        awaitProjection(database, load.measures());
        double projectedSeconds = (System.nanoTime() - start) / 1e9;
        long events = count(database, "select count(*) from domainevententry");
        // What autovacuum would do a few seconds later: the planner sees the loaded table, not an empty one.
        try (Statement analyze = database.createStatement()) {
            analyze.execute("analyze measure");
            analyze.execute("analyze domainevententry");
        }
        String line = String.format(
                "loaded: %,d measures (%,d bills), %,d commands, %,d events: sent in %.1f s, projected after %.1f s",
                load.measures(), bills, load.sent(), events, sentSeconds, projectedSeconds);
        progress.say(line);
        return line;
    }

    private List<Page> pages(PageLoad load, LocalDate today) {
        int lastPage = (bills + PAGE_SIZE - 1) / PAGE_SIZE;
        int deepPage = Math.max(1, lastPage * 4 / 5);
        String word = PageLoad.SUBJECTS.get(0);
        String number = Integer.toString(load.showcaseNumber());
        return List.of(
                new Page("/", PageQueries.list(null, null, 0, PAGE_SIZE)),
                new Page("/?q=" + word, PageQueries.list(null, word, 0, PAGE_SIZE)),
                new Page("/?q=" + number, PageQueries.list(null, number, 0, PAGE_SIZE)),
                new Page("/?kind=BILL&page=" + deepPage, PageQueries.list("BILL", null, deepPage - 1, PAGE_SIZE)),
                new Page("/measures/" + load.showcaseBill(), PageQueries.measure(load.showcaseBill())),
                new Page("/votes/" + PageLoad.VOTE_ID, PageQueries.vote(PageLoad.VOTE_ID)),
                new Page("/deadlines", PageQueries.deadlines(today.minusDays(30), today.plusDays(90))),
                new Page("/deadlines.ics", PageQueries.deadlines(today.minusDays(30), today.plusDays(90))));
    }

    /** One page: as many GETs untimed as timed, then its SQL the same way. */
    private LatencyTable.Row timePage(Page page, Connection database)
            throws IOException, InterruptedException, SQLException {
        progress.say(String.format("GET %s: %,d requests untimed, %,d timed", page.path(), requests, requests));
        long bytes = 0;
        long[] server = new long[requests];
        long[] client = new long[requests];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < requests; i++) {
                Fetched fetched = get(page.path());
                server[i] = fetched.serverNanos();
                client[i] = fetched.clientNanos();
                bytes = fetched.bytes();
            }
        }
        progress.say(
                String.format("%s: its SQL by plain JDBC, %,d untimed, %,d timed", page.path(), requests, requests));
        long[] sql = new long[requests];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                page.sql().run(database);
                sql[i] = System.nanoTime() - start;
            }
        }
        return new LatencyTable.Row(
                "GET " + page.path(), bytes, new Latencies(server), new Latencies(client), new Latencies(sql));
    }

    /** The CSV export of every bill, in rows/s, beside its paged search by plain JDBC. */
    private void timeCsv(ResultTable table, Connection database)
            throws IOException, InterruptedException, SQLException {
        String path = "/measures.csv?kind=BILL";
        int runs = Math.max(3, requests / 20);
        progress.say(String.format("GET %s: %d exports untimed, %d timed", path, runs, runs));
        long rows = 0;
        long serverNanos = 0;
        long clientNanos = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < runs; i++) {
                Fetched fetched = get(path);
                if (round == 1) {
                    rows += fetched.lines() - 1;
                    serverNanos += fetched.serverNanos();
                    clientNanos += fetched.clientNanos();
                }
            }
        }
        if (rows != (long) runs * bills) {
            throw new IllegalStateException(
                    path + " gave " + rows + " rows in " + runs + " exports of " + bills + " bills");
        }
        progress.say(String.format("%s: its SQL by plain JDBC, %d untimed, %d timed", path, runs, runs));
        PageQueries.Work sql = PageQueries.csv("BILL");
        long sqlRows = 0;
        long sqlNanos = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                int read = sql.run(database);
                if (round == 1) {
                    sqlRows += read;
                    sqlNanos += System.nanoTime() - start;
                }
            }
        }
        Measurement baseline = new Measurement("its SQL by plain JDBC (baseline)", sqlRows, sqlNanos / 1e9);
        table.add(new Measurement("GET " + path + ", server", rows, serverNanos / 1e9), baseline);
        table.add(new Measurement("GET " + path + ", client", rows, clientNanos / 1e9), baseline);
        table.addBaseline(baseline);
    }

    /** One answer: its size and lines, the server's time and the client's. */
    private record Fetched(long bytes, long lines, long serverNanos, long clientNanos) {}

    private Fetched get(String path) throws IOException, InterruptedException {
        String name = Long.toString(requestNames.incrementAndGet());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header(ServerTiming.HEADER, name)
                .GET()
                .build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long clientNanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        long lines = 0;
        for (byte b : response.body()) {
            if (b == '\n') {
                lines++;
            }
        }
        return new Fetched(response.body().length, lines, ServerTiming.take(name), clientNanos);
    }

    /** Facts, one every 500 ms, each a new action on a bill of its own; notes when the API answered each. */
    private void postFacts(LiveStreamClients clients, PageLoad load, LocalDate today, long[] accepted)
            throws IOException, InterruptedException {
        progress.say(String.format(
                "posting %,d facts, one every %d ms, each awaited on %,d streams", facts, FACT_EVERY_MILLIS, streams));
        long start = System.nanoTime();
        int number = bills;
        for (int fact = 0; fact < facts; fact++) {
            if (number == load.showcaseNumber()) {
                number--;
            }
            String bill = PageLoad.billId(number--);
            clients.await(bill, fact);
            Created.by(
                    http,
                    base + "/api/bills/" + bill + "/actions",
                    "{\"action\": {\"date\": \"" + today + "\", \"text\": \"Live benchmark fact " + fact + " on " + bill
                            + ".\", \"source\": \"HOUSE_FLOOR\"}}",
                    OPERATOR_TOKEN);
            accepted[fact] = System.nanoTime();
            long next = start + (fact + 1) * FACT_EVERY_MILLIS * 1_000_000;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    private void awaitArrivals(LiveStreamClients clients) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL_PATIENCE.toNanos();
        AtomicLong missing = new AtomicLong();
        try (Progress.Report report =
                progress.reportWhile(() -> String.format("%,d change events still to arrive", missing.get()))) {
            do {
                long expected = (long) facts * streams;
                long seen = 0;
                for (int fact = 0; fact < facts; fact++) {
                    seen += clients.arrived(fact);
                }
                missing.set(expected - seen);
                if (seen == expected) {
                    return;
                }
                Thread.sleep(50);
            } while (System.nanoTime() < deadline);
        }
        progress.say(String.format(
                "%,d change events had not arrived %d s after the last fact; counted as missing",
                missing.get(), ARRIVAL_PATIENCE.toSeconds()));
    }

    /**
     * The baseline of the live figure: the NOTIFY hop alone. A NOTIFY sent on one plain JDBC connection, timed from
     * just before it is sent, to its receipt on another that LISTENs and waits in pgjdbc's getNotifications.
     */
    private Latencies notifyRoundTrips(BenchServers servers) throws SQLException, InterruptedException {
        long[] sent = new long[facts];
        AtomicLongArray received = new AtomicLongArray(facts);
        try (Connection listener = servers.connect();
                Connection sender = servers.connect()) {
            listener.setAutoCommit(true);
            sender.setAutoCommit(true);
            try (Statement listen = listener.createStatement()) {
                listen.execute("listen " + NOTIFY_CHANNEL);
            }
            PGConnection postgres = listener.unwrap(PGConnection.class);
            Thread listening = new Thread(
                    () -> {
                        int heard = 0;
                        try {
                            while (heard < facts && !Thread.currentThread().isInterrupted()) {
                                PGNotification[] notifications = postgres.getNotifications(1000);
                                long now = System.nanoTime();
                                if (notifications != null) {
                                    for (PGNotification notification : notifications) {
                                        received.set(Integer.parseInt(notification.getParameter()), now);
                                        heard++;
                                    }
                                }
                            }
                        } catch (SQLException e) {
                            System.err.println("the LISTENing connection failed: " + e);
                        }
                    },
                    "bench-listen");
            listening.start();
            long start = System.nanoTime();
            try (Statement notify = sender.createStatement()) {
                for (int i = 0; i < facts; i++) {
                    sent[i] = System.nanoTime();
                    notify.execute("select pg_notify('" + NOTIFY_CHANNEL + "', '" + i + "')");
                    long wait = start + (i + 1) * FACT_EVERY_MILLIS * 1_000_000 - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            listening.join(ARRIVAL_PATIENCE.toMillis());
            listening.interrupt();
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < facts; i++) {
            if (received.get(i) != 0) {
                latencies.add(received.get(i) - sent[i]);
            }
        }
        return new Latencies(latencies.stream().mapToLong(Long::longValue).toArray());
    }

    /** Until the measure table holds every measure loaded and shows every stored event. */
    private void awaitProjection(Connection database, int measures) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + PROJECTION_PATIENCE.toNanos();
        AtomicLong stored = new AtomicLong();
        AtomicLong projected = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        try (Progress.Report report = progress.reportWhile(() -> String.format(
                "waiting for the projection: %,d of %,d measures, %,d of %,d events",
                rows.get(), measures, projected.get(), stored.get()))) {
            do {
                stored.set(count(database, "select count(*) from domainevententry"));
                projected.set(count(database, "select coalesce(sum(last_sequence + 1), 0) from measure"));
                rows.set(count(database, "select count(*) from measure where kind is not null"));
                if (rows.get() >= measures && projected.get() >= stored.get()) {
                    return;
                }
                Thread.sleep(200);
            } while (System.nanoTime() < deadline);
        }
        throw new IllegalStateException("after " + PROJECTION_PATIENCE + " the projection shows " + rows + " of "
                + measures + " measures and " + projected + " of " + stored + " events");
    }

    private static long count(Connection database, String query) throws SQLException {
        try (Statement select = database.createStatement();
                ResultSet row = select.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
