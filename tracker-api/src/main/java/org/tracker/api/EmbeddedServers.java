package org.tracker.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tracker.infra.EmbeddedKafkaServer;
import org.tracker.infra.EmbeddedPostgresServer;

/**
 * The servers the tracker starts itself when none are configured: PostgreSQL unless {@code TRACKER_DB_URL} (or
 * {@code --spring.datasource.url}) names one, Kafka unless {@code TRACKER_KAFKA_BOOTSTRAP} (or {@code
 * --spring.kafka.bootstrap-servers}) does. Their data lives under {@code TRACKER_HOME} (default {@code ~/.tracker}),
 * so a restart finds everything where it was left. That directory is its owner's only: it holds the data and the
 * database's password.
 */
final class EmbeddedServers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final String DATABASE = "tracker";

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;

    private EmbeddedServers(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static EmbeddedServers startUnconfigured(Map<String, String> environment, String[] args) throws Exception {
        Path home = Path.of(environment.getOrDefault("TRACKER_HOME", System.getProperty("user.home") + "/.tracker"))
                .toAbsolutePath();
        boolean databaseConfigured =
                environment.containsKey("TRACKER_DB_URL") || hasArgument(args, "spring.datasource.url");
        boolean kafkaConfigured = environment.containsKey("TRACKER_KAFKA_BOOTSTRAP")
                || hasArgument(args, "spring.kafka.bootstrap-servers");
        EmbeddedPostgresServer postgres = null;
        EmbeddedKafkaServer kafka = null;
        if (!databaseConfigured || !kafkaConfigured) {
            ownerOnly(home);
        }
        try {
            if (!databaseConfigured) {
                log.info("No TRACKER_DB_URL: starting embedded PostgreSQL in {}", home.resolve("postgres"));
                postgres = EmbeddedPostgresServer.start(home.resolve("postgres"), 0, home.resolve("postgres-bin"));
                postgres.createDatabaseIfMissing(DATABASE);
            }
            if (!kafkaConfigured) {
                log.info("No TRACKER_KAFKA_BOOTSTRAP: starting embedded Kafka in {}", home.resolve("kafka"));
                kafka = EmbeddedKafkaServer.start(home.resolve("kafka"), 0);
            }
        } catch (Exception e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
        return new EmbeddedServers(postgres, kafka);
    }

    /** The command line with the embedded servers' addresses added; explicit arguments still win. */
    String[] arguments(String[] args) {
        List<String> all = new ArrayList<>();
        if (postgres != null) {
            all.add("--spring.datasource.url=" + postgres.jdbcUrl(DATABASE));
            all.add("--spring.datasource.username=" + postgres.username());
            all.add("--spring.datasource.password=" + postgres.password());
        }
        if (kafka != null) {
            all.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
        }
        all.addAll(Arrays.asList(args));
        return all.toArray(String[]::new);
    }

    /** Homes made before the password was kept there were readable by everyone, as the umask left them. */
    private static void ownerOnly(Path home) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        Files.createDirectories(home, PosixFilePermissions.asFileAttribute(ownerOnly));
        Files.setPosixFilePermissions(home, ownerOnly);
    }

    private static boolean hasArgument(String[] args, String name) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + name + "="));
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
