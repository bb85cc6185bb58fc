package org.tracker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    /** Shared by every run of the build so that the 60 MB of binaries are unpacked once, not per test. */
    private static final Path BINARIES = Path.of("target", "pg-bin");

    private static final String INVALID_PASSWORD = "28P01";
    /** What the driver says when the server asks for a password and none was given. */
    private static final String NO_PASSWORD_GIVEN = "08004";

    @TempDir
    Path home;

    private Path data;

    @BeforeEach
    void dataInHome() {
        data = home.resolve("postgres");
    }

    @Test
    void keepsCommittedRowsAcrossARestartOnTheSameDirectory() throws Exception {
        int port;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            port = server.port();
            server.createDatabaseIfMissing("tracker");
            try (Connection connection = server.connect("tracker");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE measure (id int PRIMARY KEY, title text NOT NULL)");
                statement.execute("INSERT INTO measure VALUES (1, 'Iron Dome replenishment')");
            }
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, BINARIES)) {
            server.createDatabaseIfMissing("tracker");
            assertThat(queryOne(server, "tracker", "SELECT title FROM measure WHERE id = 1"))
                    .isEqualTo("Iron Dome replenishment");
        }
    }

    @Test
    void runsDurablyWithTheModestSettings() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            assertThat(queryOne(server, "postgres", "SHOW fsync")).isEqualTo("on");
            assertThat(queryOne(server, "postgres", "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryOne(server, "postgres", "SHOW shared_buffers")).isEqualTo("64MB");
            assertThat(queryOne(server, "postgres", "SHOW max_connections")).isEqualTo("100");
            assertThat(queryOne(server, "postgres", "SHOW listen_addresses")).isEqualTo("localhost");
            assertThat(queryOne(server, "postgres", "SELECT split_part(version(), ' ', 2)"))
                    .startsWith("17.");
        }
    }

    @Test
    void createsADatabaseWhoseNameNeedsQuoting() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            server.createDatabaseIfMissing("Tracker \"Test\"");
            server.createDatabaseIfMissing("Tracker \"Test\"");
            assertThat(queryOne(
                            server, "postgres", "SELECT count(*) FROM pg_database WHERE datname = 'Tracker \"Test\"'"))
                    .isEqualTo("1");
        }
    }

    @Test
    void refusesASecondServerOnADirectoryInUseAndLeavesTheFirstRunning() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0, BINARIES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("running on");
            assertThat(queryOne(server, "postgres", "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void refusesConnectionsWithoutThePasswordWhichOnlyItsOwnerCanRead() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            Path passwordFile = EmbeddedPostgresServer.passwordFile(data);
            assertThat(passwordFile).isEqualTo(home.resolve("postgres.password"));
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password());
            assertThat(server.password()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(data.resolve("pg_hba.conf")))
                    .doesNotContain("trust")
                    .contains("scram-sha-256");

            assertRefused(server, null);
            assertRefused(server, "not-" + server.password());
            assertThat(queryOne(server, "postgres", "SHOW password_encryption")).isEqualTo("scram-sha-256");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            assertThat(server.password())
                    .isEqualTo(Files.readString(EmbeddedPostgresServer.passwordFile(data))
                            .strip());
            assertThat(queryOne(server, "postgres", "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void aClusterMadeBeforePasswordsKeepsItsDataAndRequiresThePasswordFromItsNextStart() throws Exception {
        // As every earlier version made it: zonky's defaults, initdb -A trust, a superuser without a password.
        int port;
        EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(BINARIES.toAbsolutePath().toFile())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''")
                .start();
        try (Connection connection = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
                Statement statement = connection.createStatement()) {
            port = old.getPort();
            statement.execute("CREATE TABLE measure (id int PRIMARY KEY, title text NOT NULL)");
            statement.execute("INSERT INTO measure VALUES (1, 'United States-Israel Defense Partnership Act')");
        } finally {
            old.close();
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");
        assertThat(EmbeddedPostgresServer.passwordFile(data)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, BINARIES)) {
            assertThat(queryOne(server, "postgres", "SELECT title FROM measure WHERE id = 1"))
                    .isEqualTo("United States-Israel Defense Partnership Act");
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertRefused(server, null));
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, BINARIES)) {
            assertRefused(server, null);
            assertThat(queryOne(server, "postgres", "SELECT title FROM measure WHERE id = 1"))
                    .isEqualTo("United States-Israel Defense Partnership Act");
        }
    }

    private static void assertRefused(EmbeddedPostgresServer server, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), password)
                        .close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                        .as("refused for its credentials: " + e.getMessage())
                        .isIn(INVALID_PASSWORD, NO_PASSWORD_GIVEN));
    }

    private static String queryOne(EmbeddedPostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
