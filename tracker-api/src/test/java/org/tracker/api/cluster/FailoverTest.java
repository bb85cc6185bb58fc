package org.tracker.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tracker.api.Api;

/**
 * One instance crashes (SIGKILL) or is stopped (SIGTERM) while facts keep coming to the other: the survivor takes
 * over the relay's segments and the projection's partitions that the lost one held, and the lost one, started again,
 * takes its share back. The seconds each takes are printed, one line per figure, starting with "cluster:".
 */
class FailoverTest {

    private static final LocalDate INTRODUCED = LocalDate.parse("2025-01-06");
    private static final Duration TAKEOVER_AFTER_KILL = Duration.ofSeconds(15);
    private static final Duration TAKEOVER_AFTER_STOP = Duration.ofSeconds(10);
    private static final Duration SERVING_AFTER_RESTART = Duration.ofSeconds(10);
    /** Facts posted this long after the loss are the ones whose arrival is timed: about 20, on every partition. */
    private static final Duration TIMED_WINDOW = Duration.ofSeconds(2);

    static Cluster cluster;

    @BeforeAll
    static void startTwoInstances() {
        cluster = Cluster.start(false);
    }

    @AfterAll
    static void stopThem() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void bothInstancesRunning() {
        cluster.restartStopped();
    }

    @Test
    void factsKeepReachingTheProjectionAfterAnInstanceIsKilledAndReachItThroughThatInstanceOnceRestarted() {
        Api survivor = cluster.a().api();
        try (Poster poster = Poster.start(survivor, 60_000)) {
            poster.awaitAcknowledged(10);
            awaitProjected(survivor, poster.acknowledged(), Duration.ofSeconds(30));

            long killedAt = System.nanoTime();
            cluster.b().kill();
            double seconds = awaitTakeover(survivor, poster, killedAt, TAKEOVER_AFTER_KILL);
            System.out.printf("cluster: facts posted to A projected again %.1f s after kill -9 of B%n", seconds);

            poster.stop();
            awaitProjected(survivor, poster.acknowledged(), Duration.ofSeconds(30));
            assertThat(poster.refused())
                    .as("valid facts refused by the survivor")
                    .isEmpty();
        }

        cluster.b().restart();
        long readyAt = System.nanoTime();
        Api restarted = cluster.b().api();
        List<String> posted = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            String billId = "hr" + (61_000 + n) + "-119";
            Facts.introduce(restarted, billId, INTRODUCED);
            posted.add(billId);
        }
        awaitProjected(restarted, posted, SERVING_AFTER_RESTART.minusNanos(System.nanoTime() - readyAt));
        System.out.printf(
                "cluster: facts posted to B projected %.1f s after its restart was ready%n", secondsSince(readyAt));
    }

    @Test
    void aGracefullyStoppedInstancesWorkIsTakenOverPromptly() {
        Api survivor = cluster.b().api();
        try (Poster poster = Poster.start(survivor, 70_000)) {
            poster.awaitAcknowledged(10);
            awaitProjected(survivor, poster.acknowledged(), Duration.ofSeconds(30));

            long stoppedAt = System.nanoTime();
            cluster.a().stop();
            System.out.printf("cluster: A stopped on SIGTERM in %.1f s%n", secondsSince(stoppedAt));
            double seconds = awaitTakeover(survivor, poster, stoppedAt, TAKEOVER_AFTER_STOP);
            System.out.printf("cluster: facts posted to B projected again %.1f s after SIGTERM to A%n", seconds);

            poster.stop();
            awaitProjected(survivor, poster.acknowledged(), Duration.ofSeconds(30));
            assertThat(poster.refused())
                    .as("valid facts refused by the survivor")
                    .isEmpty();
        }
    }

    /**
     * Waits until the facts acknowledged in the first seconds after the loss show in the projection, within {@code
     * limit} of the loss; returns the seconds it took.
     */
    private static double awaitTakeover(Api survivor, Poster poster, long lostAt, Duration limit) {
        await().atMost(TIMED_WINDOW.plusSeconds(5))
                .until(() ->
                        System.nanoTime() - lostAt > TIMED_WINDOW.toNanos() && poster.acknowledgedAfter(lostAt) > 0);
        List<String> timed = poster.acknowledgedBetween(lostAt, lostAt + TIMED_WINDOW.toNanos());
        assertThat(timed).as("facts the survivor acknowledged after the loss").isNotEmpty();
        Duration left = limit.minusNanos(System.nanoTime() - lostAt);
        try {
            awaitProjected(survivor, timed, left);
        } catch (ConditionTimeoutException e) {
            List<String> missing =
                    timed.stream().filter(id -> !Facts.projected(survivor, id)).toList();
            throw new AssertionError(
                    "within " + limit + " of the loss, " + missing.size() + " of " + timed.size()
                            + " facts posted to the survivor were not projected: " + missing,
                    e);
        }
        return secondsSince(lostAt);
    }

    private static void awaitProjected(Api api, List<String> billIds, Duration within) {
        List<String> waiting = new ArrayList<>(billIds);
        await().atMost(within.isNegative() ? Duration.ZERO : within)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    waiting.removeIf(billId -> Facts.projected(api, billId));
                    return waiting.isEmpty();
                });
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    /** Introduces a new bill through one instance every 100 ms, as a steady trickle of facts, and keeps the answers. */
    static final class Poster implements AutoCloseable {

        record Acknowledged(String billId, long atNanos) {}

        private final Api api;
        private final int firstNumber;
        private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        private final List<String> refused = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        private Poster(Api api, int firstNumber) {
            this.api = api;
            this.firstNumber = firstNumber;
            this.thread = new Thread(this::post, "cluster-poster");
        }

        static Poster start(Api api, int firstNumber) {
            Poster poster = new Poster(api, firstNumber);
            poster.thread.start();
            return poster;
        }

        private void post() {
            for (int n = 0; running; n++) {
                String billId = "hr" + (firstNumber + n) + "-119";
                try {
                    Api.Response answer = api.post("/api/bills", Facts.introduction(billId, INTRODUCED));
                    if (answer.status() == 201) {
                        acknowledged.add(new Acknowledged(billId, System.nanoTime()));
                    } else {
                        refused.add(billId + ": " + answer.status() + " " + answer.body());
                    }
                } catch (RuntimeException e) {
                    refused.add(billId + ": " + e);
                }
                // A pace, not a wait for something: ten facts a second, which two busy cores keep up with.
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void awaitAcknowledged(int count) {
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= count);
        }

        List<String> acknowledged() {
            return acknowledged.stream().map(Acknowledged::billId).toList();
        }

        long acknowledgedAfter(long nanos) {
            return acknowledged.stream().filter(ack -> ack.atNanos() > nanos).count();
        }

        List<String> acknowledgedBetween(long fromNanos, long toNanos) {
            return acknowledged.stream()
                    .filter(ack -> ack.atNanos() > fromNanos && ack.atNanos() <= toNanos)
                    .map(Acknowledged::billId)
                    .toList();
        }

        List<String> refused() {
            return List.copyOf(refused);
        }

        void stop() {
            running = false;
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            stop();
        }
    }
}
