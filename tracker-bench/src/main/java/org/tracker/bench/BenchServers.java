package org.tracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.tracker.infra.EmbeddedKafkaServer;
import org.tracker.infra.EmbeddedPostgresServer;

/**
 * Embedded PostgreSQL and Kafka on a fresh temporary directory, deleted on close: every run starts from empty servers,
 * so runs compare with each other.
 */
final class BenchServers implements AutoCloseable {

    private static final String DATABASE = "bench";
    private static final Duration DELETE_PATIENCE = Duration.ofSeconds(30);
    private static final long DELETE_RETRY_MILLIS = 200;

    private final Path directory;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Ctrl-C should not leave a temporary directory of some hundred megabytes behind. */
    private final Thread shutdownHook = new Thread(this::close, "bench-servers-shutdown");

    private BenchServers(Path directory, EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
        this.directory = directory;
        this.postgres = postgres;
        this.kafka = kafka;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static BenchServers start() throws IOException, SQLException {
        Path directory = Files.createTempDirectory("tracker-bench");
        EmbeddedPostgresServer postgres = null;
        try {
            // The tests unpack PostgreSQL's 60 MB of binaries into the same place; sharing it saves seconds per run.
            postgres = EmbeddedPostgresServer.start(
                    directory.resolve("postgres"), 0, Path.of(System.getProperty("java.io.tmpdir"), "tracker-pg-bin"));
            postgres.createDatabaseIfMissing(DATABASE);
            EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(directory.resolve("kafka"), 0);
            return new BenchServers(directory, postgres, kafka);
        } catch (IOException | SQLException | RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            deleteRecursively(directory);
            throw e;
        }
    }

    String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    String databaseUser() {
        return postgres.username();
    }

    String databasePassword() {
        return postgres.password();
    }

    Connection connect() throws SQLException {
        return postgres.connect(DATABASE);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The file whose first line is the postmaster's pid, for as long as the server runs. */
    Path postmasterPidFile() {
        return directory.resolve("postgres").resolve("postmaster.pid");
    }

    Path directory() {
        return directory;
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
            kafka.close();
        } finally {
            try {
                postgres.close();
            } finally {
                deleteRecursively(directory);
            }
        }
    }

    /**
     * On Ctrl-C the broker's own shutdown hook stops it beside this one, writing checkpoints as it goes, so a pass may
     * meet files that appear or vanish under it: passes are repeated until the directory is gone.
     */
    static void deleteRecursively(Path root) {
        long deadline = System.nanoTime() + DELETE_PATIENCE.toNanos();
        while (true) {
            try {
                deleteOnce(root);
                return;
            } catch (IOException | UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot delete " + root, e);
                }
            }
            try {
                Thread.sleep(DELETE_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while deleting " + root, e);
            }
        }
    }

    private static void deleteOnce(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
