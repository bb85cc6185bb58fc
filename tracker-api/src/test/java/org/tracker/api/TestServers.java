package org.tracker.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.tracker.infra.EmbeddedKafkaServer;
import org.tracker.infra.EmbeddedPostgresServer;

/**
 * Real PostgreSQL and Kafka for the tests, started once per test JVM and stopped when it exits: stopping them
 * earlier would pull the ground from under Spring contexts that the test framework keeps cached.
 */
public final class TestServers {

    public static final String TOKEN = "test-token";

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaServer kafka;
    private static int databases;

    private TestServers() {}

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            try {
                Path home = Files.createTempDirectory("tracker-test-pg");
                postgres = EmbeddedPostgresServer.start(
                        home.resolve("postgres"), 0, Path.of(System.getProperty("java.io.tmpdir"), "tracker-pg-bin"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        return postgres;
    }

    public static synchronized EmbeddedKafkaServer kafka() {
        if (kafka == null) {
            try {
                kafka = EmbeddedKafkaServer.start(Files.createTempDirectory("tracker-test-kafka"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    /** A database of its own, so that each Spring context starts from an empty store; returns its name. */
    public static synchronized String newDatabase() {
        String name = "tracker_test_" + (++databases);
        try {
            postgres().createDatabaseIfMissing(name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return name;
    }

    /** Points a Spring context at a new database on the shared servers, with the seed off and a known token. */
    public static void register(DynamicPropertyRegistry registry) {
        String database = newDatabase();
        registry.add("spring.datasource.url", () -> postgres().jdbcUrl(database));
        registry.add("spring.datasource.username", () -> postgres().username());
        registry.add("spring.datasource.password", () -> postgres().password());
        // Spring keeps every test class's context alive, each with its pool, on one server: a context at rest holds
        // one connection, not ten, so that a dozen contexts fit the server's connection limit.
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
        String topic = "tracker.events." + database;
        registry.add("tracker.topic", () -> topic);
        registry.add("spring.kafka.consumer.group-id", () -> "projections-" + topic);
        registry.add("tracker.notify.group", () -> "notifier-" + topic);
        registry.add("tracker.seed", () -> "false");
        registry.add("tracker.api-token", () -> TOKEN);
    }
}
