package org.tracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tracker.infra.EmbeddedPostgresServer;
import org.tracker.infra.JvmClasspath;
import org.tracker.infra.KafkaBrokerProcess;
import org.tracker.infra.SpringBootProcess;

/**
 * What production runs, on one machine and a fresh temporary directory: PostgreSQL, a Kafka broker in a JVM of its own
 * and two tracker instances, each in a JVM of its own with a home of its own, as behind a load balancer. Any of them
 * can be stopped or killed and started again on the same data and port. Everything is stopped and the directory
 * deleted on close, or by a shutdown hook when the run is interrupted.
 */
final class FaultCluster implements AutoCloseable {

    static final int PARTITIONS = 6;

    private static final String DATABASE = "bench";
    private static final String TOPIC = "bench.faults";
    private static final String MAIN_CLASS = "org.tracker.api.TrackerApplication";
    /**
     * Two instances start at once on 2 cores, beside the broker and PostgreSQL; an instance restarted under the load of
     * facts, on a machine other builds share, took 142 s once and more than 3 minutes another time.
     */
    private static final Duration READY_WAIT = Duration.ofMinutes(6);

    private final Path directory;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "fault-cluster-shutdown");
    private volatile EmbeddedPostgresServer postgres;
    private int databasePort;
    private KafkaBrokerProcess broker;
    private SpringBootProcess a;
    private SpringBootProcess b;

    private FaultCluster(Path directory) {
        this.directory = directory;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the servers, then both instances at once, and returns when both are ready.
     *
     * @param apiToken the operator's token on both instances
     * @param overrides settings from the command line, which win over the benchmark's own
     */
    static FaultCluster start(String apiToken, Map<String, String> overrides, Progress progress) throws Exception {
        FaultCluster cluster = new FaultCluster(Files.createTempDirectory("tracker-bench-faults"));
        try {
            progress.say("starting PostgreSQL and a Kafka broker process in " + cluster.directory);
            cluster.startDatabase();
            cluster.databasePort = cluster.postgres.port();
            cluster.postgres.createDatabaseIfMissing(DATABASE);
            cluster.broker = KafkaBrokerProcess.start(cluster.directory.resolve("kafka"), PARTITIONS);
            progress.say("starting tracker instances a and b");
            List<String> settings = cluster.settings(apiToken, overrides);
            cluster.a = cluster.launchTracker("a", settings);
            cluster.b = cluster.launchTracker("b", settings);
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(() -> cluster.a.awaitReady(READY_WAIT)),
                            CompletableFuture.runAsync(() -> cluster.b.awaitReady(READY_WAIT)))
                    .join();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    SpringBootProcess a() {
        return a;
    }

    SpringBootProcess b() {
        return b;
    }

    List<SpringBootProcess> trackers() {
        return List.of(a, b);
    }

    KafkaBrokerProcess broker() {
        return broker;
    }

    /** Starts an instance again with its settings and port after a kill, and waits until it is ready. */
    void restart(SpringBootProcess tracker) {
        tracker.restart(READY_WAIT);
    }

    /** Stops PostgreSQL (a fast shutdown: open transactions are rolled back, clients disconnected). */
    void stopDatabase() {
        EmbeddedPostgresServer stopping = postgres;
        postgres = null;
        stopping.close();
    }

    /** Starts PostgreSQL, again on the same data and port after a stop. */
    void startDatabase() throws IOException {
        postgres = EmbeddedPostgresServer.start(
                directory.resolve("postgres"),
                databasePort,
                // The tests unpack PostgreSQL's 60 MB of binaries into the same place; sharing it saves seconds.
                Path.of(System.getProperty("java.io.tmpdir"), "tracker-pg-bin"));
    }

    boolean databaseRunning() {
        return postgres != null;
    }

    Connection connect() throws SQLException {
        EmbeddedPostgresServer server = postgres;
        if (server == null) {
            throw new SQLException("PostgreSQL is stopped");
        }
        return server.connect(DATABASE);
    }

    /** The file whose first line is the postmaster's pid, for as long as the server runs. */
    Path postmasterPidFile() {
        return directory.resolve("postgres").resolve("postmaster.pid");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and this may be the hook itself.
        }
        try {
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(() -> closeTracker(a)),
                            CompletableFuture.runAsync(() -> closeTracker(b)))
                    .join();
            if (broker != null) {
                broker.close();
            }
        } finally {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } finally {
                BenchServers.deleteRecursively(directory);
            }
        }
    }

    private static void closeTracker(SpringBootProcess tracker) {
        if (tracker != null) {
            tracker.close();
        }
    }

    private SpringBootProcess launchTracker(String name, List<String> settings) throws IOException {
        Path home = Files.createDirectories(directory.resolve("tracker-" + name));
        return SpringBootProcess.launch(
                "tracker " + name,
                MAIN_CLASS,
                JvmClasspath.current(),
                List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"),
                settings,
                // Plain lines rather than ECS JSON, for a person reading the log after a surprising figure.
                Map.of("TRACKER_HOME", home.toString(), "TRACKER_LOG_FORMAT", ""),
                home.resolve("tracker.log"));
    }

    /**
     * Both instances' settings. The notifier keeps its production retry schedule and lease: how long an alert waits
     * after a fault is part of what is measured.
     */
    private List<String> settings(String apiToken, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", postgres.jdbcUrl(DATABASE));
        settings.put("spring.datasource.username", postgres.username());
        settings.put("spring.datasource.password", postgres.password());
        settings.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        settings.put("tracker.topic", TOPIC);
        settings.put("tracker.partitions", String.valueOf(PARTITIONS));
        settings.put("tracker.seed", "false");
        settings.put("tracker.api-token", apiToken);
        settings.put("tracker.notify.allowed-webhook-networks", "127.0.0.0/8");
        // Spring joins a key given twice on the command line into a list, so an override replaces, never repeats.
        settings.putAll(overrides);
        return settings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue())
                .toList();
    }
}
