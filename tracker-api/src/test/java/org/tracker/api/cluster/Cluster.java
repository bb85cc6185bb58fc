package org.tracker.api.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.tracker.api.TestServers;
import org.tracker.infra.KafkaBrokerProcess;

/**
 * Two tracker instances, A and B, on one new database of the tests' PostgreSQL and one topic of a broker in a JVM of
 * its own, as production runs them behind a load balancer. Tests keep apart by measure ids of their own; one that
 * stops or kills an instance leaves it to {@link #restartStopped()} to bring it back for the next.
 */
final class Cluster implements AutoCloseable {

    /** Several, so that the two instances' consumers share the topic's partitions between them. */
    static final int PARTITIONS = 6;

    private final KafkaBrokerProcess broker;
    private final TrackerProcess a;
    private final TrackerProcess b;

    private Cluster(KafkaBrokerProcess broker, TrackerProcess a, TrackerProcess b) {
        this.broker = broker;
        this.a = a;
        this.b = b;
    }

    /**
     * Starts a broker, then both instances at the same moment, and waits until both are ready. Each test class
     * starts its own and closes it when done: the three JVMs hold over a gigabyte, which the test classes after it
     * need.
     *
     * @param seed whether the instances load the seed set into the empty store, as a first start in production does
     */
    static Cluster start(boolean seed) {
        KafkaBrokerProcess broker;
        try {
            broker = KafkaBrokerProcess.start(Files.createTempDirectory("tracker-cluster-kafka"), PARTITIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> settings = settings(TestServers.newDatabase(), broker.bootstrapServers(), seed);
        TrackerProcess a = TrackerProcess.launch("a", settings);
        TrackerProcess b = TrackerProcess.launch("b", settings);
        Cluster cluster = new Cluster(broker, a, b);
        try {
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(a::awaitReady), CompletableFuture.runAsync(b::awaitReady))
                    .join();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    TrackerProcess a() {
        return a;
    }

    TrackerProcess b() {
        return b;
    }

    /** Starts again whichever instance a test stopped or killed, so that the next test finds both running. */
    void restartStopped() {
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> restartIfStopped(a)),
                        CompletableFuture.runAsync(() -> restartIfStopped(b)))
                .join();
    }

    @Override
    public void close() {
        CompletableFuture.allOf(CompletableFuture.runAsync(a::close), CompletableFuture.runAsync(b::close))
                .join();
        broker.close();
    }

    private static void restartIfStopped(TrackerProcess tracker) {
        if (!tracker.isAlive()) {
            tracker.restart();
        }
    }

    /** What {@code TestServers.register} gives a test's Spring context, as settings both instances share. */
    private static List<String> settings(String database, String bootstrapServers, boolean seed) {
        String topic = "tracker.events." + database;
        return List.of(
                "spring.datasource.url=" + TestServers.postgres().jdbcUrl(database),
                "spring.datasource.username=" + TestServers.postgres().username(),
                "spring.datasource.password=" + TestServers.postgres().password(),
                "spring.datasource.hikari.minimum-idle=1",
                "spring.datasource.hikari.idle-timeout=10000",
                "spring.kafka.bootstrap-servers=" + bootstrapServers,
                "tracker.topic=" + topic,
                "tracker.partitions=" + PARTITIONS,
                "spring.kafka.consumer.group-id=projections-" + topic,
                "tracker.notify.group=notifier-" + topic,
                "tracker.seed=" + seed,
                "tracker.api-token=" + TestServers.TOKEN,
                // As the alert tests set the notifier: webhooks to this machine, retried quickly.
                "tracker.notify.allowed-webhook-networks=127.0.0.0/8",
                "tracker.notify.retry-schedule=0s,300ms,300ms,300ms,300ms",
                "tracker.notify.tick=200ms",
                "tracker.notify.lease=2s");
    }
}
