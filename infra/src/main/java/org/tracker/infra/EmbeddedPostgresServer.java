package org.tracker.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run from the binaries in zonky's jar, as a child process of this JVM, on a data directory
 * that survives it.
 *
 * <p>The server listens on localhost only, and every connection must prove the superuser {@value #SUPERUSER}'s
 * password (SCRAM-SHA-256): any local user could otherwise connect, and a browser's page could reach it through a
 * local proxy. The password is made up at random on first start and kept beside the data directory, in {@code
 * <data directory>.password}, readable by its owner only.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String SUPERUSER = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String PID_FILE = "postmaster.pid";
    private static final String HBA_FILE = "pg_hba.conf";
    /** Every way in needs the password; no line trusts. */
    private static final String PASSWORD_ONLY_HBA =
            """
            # Written by the tracker: every connection proves the password kept beside the data directory.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;
    /** The file zonky locks for as long as its server runs. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    /** Generous because a first start also unpacks the binaries and runs initdb on a busy 2-core machine. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    /** zonky's own stop gives up after 5 s; a shutdown checkpoint of a full buffer cache can take longer. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster there on first use, and unpacks the binaries into
     * the sibling directory {@code pg-bin} (once; later starts reuse them).
     *
     * @param port the TCP port, or 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        Path data = dataDirectory.toAbsolutePath();
        return start(data, port, data.resolveSibling("pg-bin"));
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster there on first use, with the binaries unpacked
     * into {@code binariesDirectory}. Share one binaries directory between data directories to unpack the 60 MB of
     * binaries only once.
     *
     * @param port the TCP port, or 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, Path binariesDirectory)
            throws IOException {
        Path data = dataDirectory.toAbsolutePath();
        Files.createDirectories(data);
        Files.createDirectories(binariesDirectory);
        stopOrphanedServer(data);
        Path passwordFile = passwordFile(data);
        String password = PasswordFile.readOrCreate(passwordFile);
        // Clusters made before passwords were required trust every local connection, and their superuser has none.
        boolean trusting = Files.exists(data.resolve("postgresql.conf")) && !passwordOnly(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDirectory.toAbsolutePath().toFile())
                .setPort(port == 0 ? FreePort.pick() : port)
                .setPGStartupWait(STARTUP_WAIT)
                // The C locale keeps the cluster independent of the locales installed on whichever machine runs it.
                .setLocaleConfig("locale", "C")
                // zonky hands these to initdb as --key=value, which is the only way to give it more options: a new
                // cluster's superuser starts with the password.
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setConnectConfig("password", password)
                // Runs after initdb, before the server starts, so that a new cluster never trusts anyone.
                .setDataDirectoryCustomizer(directory -> {
                    if (!trusting) {
                        requirePasswords(directory.toPath());
                    }
                })
                // zonky turns durability off for throwaway test databases; this data has to survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // Sized for a 2-core, 1 GB budget shared with the tracker and Kafka.
                .setServerConfig("shared_buffers", "64MB")
                .setServerConfig("max_connections", "100")
                // Its tables start empty and grow fast. A statement prepared while a table was small keeps a plan that
                // scans it whole until ANALYZE sees the growth; the default minute between autovacuum rounds let the
                // event chain's lookups crawl that way (0.4-0.6 ms each instead of 0.03 at 12,000 rows).
                .setServerConfig("autovacuum_naptime", "5s")
                .setServerConfig("max_wal_size", "256MB")
                .setServerConfig("max_parallel_workers_per_gather", "1")
                .setServerConfig("listen_addresses", "localhost")
                // Clients connect over TCP; a socket in /tmp would only collide with other servers on this port.
                .setServerConfig("unix_socket_directories", "''")
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, data, password);
        if (trusting) {
            server.stopTrusting();
        }
        return server;
    }

    /** Where the password of the server on {@code dataDirectory} is kept. */
    public static Path passwordFile(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath();
        return data.resolveSibling(data.getFileName() + ".password");
    }

    /**
     * Upgrades a cluster made before passwords were required, in place and with its data: gives the superuser the
     * password, then lets in only those who prove it.
     */
    private void stopTrusting() throws IOException {
        log.info(
                "PostgreSQL on {} trusted every local connection; from now on it requires the password in {}",
                dataDirectory,
                passwordFile(dataDirectory));
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            // ALTER ROLE takes no parameters; the password is a quoted literal, and only the server sees it.
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.replace("'", "''") + "'");
            requirePasswords(dataDirectory);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not make PostgreSQL on " + dataDirectory + " require a password", e);
        }
    }

    private static boolean passwordOnly(Path data) throws IOException {
        Path hba = data.resolve(HBA_FILE);
        return Files.exists(hba) && Files.readString(hba).equals(PASSWORD_ONLY_HBA);
    }

    private static void requirePasswords(Path data) {
        try {
            Files.writeString(data.resolve(HBA_FILE), PASSWORD_ONLY_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + data.resolve(HBA_FILE), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The superuser to connect as, with {@link #password()}. */
    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    /** A JDBC URL for {@code database}; it carries the user name, but the password goes separately. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    /** A new connection to {@code database} as the superuser. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, password);
    }

    public void createDatabaseIfMissing(String name) throws SQLException {
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet found = exists.executeQuery()) {
                    if (found.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            } catch (SQLException e) {
                // Someone else created it since the check above.
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** Stops the server with a fast shutdown and waits until it has released the data directory. */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postmaster.ifPresent(process -> awaitShutdown(process, dataDirectory));
    }

    /**
     * A server left running by a JVM that was killed still holds the data directory, so a new one could not start.
     * Only a server whose zonky lock is free is an orphan: a locked one belongs to a live JVM and is left alone.
     */
    private static void stopOrphanedServer(Path data) throws IOException {
        // Without it there is no server to stop, and a new cluster's directory must stay empty for initdb.
        if (!Files.exists(data.resolve(PID_FILE))) {
            return;
        }
        FileLock lock = FileLocks.tryLock(data.resolve(ZONKY_LOCK_FILE))
                .orElseThrow(() -> new IllegalStateException("Another PostgreSQL server is running on " + data));
        try {
            runningPostmaster(data).ifPresent(orphan -> {
                log.warn("Stopping PostgreSQL (pid {}) left running on {}", orphan.pid(), data);
                orphan.destroy();
                awaitShutdown(orphan, data);
            });
        } finally {
            lock.channel().close();
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path data) {
        List<String> lines;
        try {
            lines = Files.readAllLines(data.resolve(PID_FILE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The first two lines are the postmaster's pid and data directory; checking both, and the command, guards
        // against a stale file whose pid now belongs to another process.
        if (lines.size() < 2 || !Path.of(lines.get(1)).equals(data)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.endsWith("/postgres"))
                        .orElse(false));
    }

    private static void awaitShutdown(ProcessHandle postmaster, Path data) {
        // The postmaster deletes its pid file as the last step of a shutdown. Waiting for the process to end instead
        // can take seconds more: it lingers as a zombie until its adoptive parent reaps it, which some container init
        // processes do only now and then.
        Path pidFile = data.resolve(PID_FILE);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (Files.exists(pidFile) && postmaster.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "PostgreSQL (pid " + postmaster.pid() + ") on " + data + " did not stop within " + STOP_WAIT);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL to stop", e);
            }
        }
    }
}
