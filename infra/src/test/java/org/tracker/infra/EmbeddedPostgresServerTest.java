package org.tracker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    /** Shared by every run of the build so that the 60 MB of binaries are unpacked once, not per test. */
    private static final Path BINARIES = Path.of("target", "pg-bin");

    @TempDir
    Path data;

    @Test
    void keepsCommittedRowsAcrossARestartOnTheSameDirectory() throws Exception {
        int port;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            port = server.port();
            server.createDatabaseIfMissing("tracker");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("tracker"));
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE measure (id int PRIMARY KEY, title text NOT NULL)");
                statement.execute("INSERT INTO measure VALUES (1, 'Iron Dome replenishment')");
            }
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, BINARIES)) {
            server.createDatabaseIfMissing("tracker");
            assertThat(queryOne(server.jdbcUrl("tracker"), "SELECT title FROM measure WHERE id = 1"))
                    .isEqualTo("Iron Dome replenishment");
        }
    }

    @Test
    void runsDurablyWithTheModestSettings() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            String url = server.jdbcUrl("postgres");
            assertThat(queryOne(url, "SHOW fsync")).isEqualTo("on");
            assertThat(queryOne(url, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryOne(url, "SHOW shared_buffers")).isEqualTo("64MB");
            assertThat(queryOne(url, "SHOW max_connections")).isEqualTo("100");
            assertThat(queryOne(url, "SELECT split_part(version(), ' ', 2)")).startsWith("17.");
        }
    }

    @Test
    void createsADatabaseWhoseNameNeedsQuoting() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            server.createDatabaseIfMissing("Tracker \"Test\"");
            server.createDatabaseIfMissing("Tracker \"Test\"");
            assertThat(queryOne(
                            server.jdbcUrl("postgres"),
                            "SELECT count(*) FROM pg_database WHERE datname = 'Tracker \"Test\"'"))
                    .isEqualTo("1");
        }
    }

    @Test
    void refusesASecondServerOnADirectoryInUseAndLeavesTheFirstRunning() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, BINARIES)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0, BINARIES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("running on");
            assertThat(queryOne(server.jdbcUrl("postgres"), "SELECT 1")).isEqualTo("1");
        }
    }

    private static String queryOne(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
