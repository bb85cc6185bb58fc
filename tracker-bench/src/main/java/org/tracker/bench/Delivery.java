package org.tracker.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches stored events reach the topic and then the projection, polling both every few milliseconds from outside the
 * tracker.
 */
final class Delivery {

    private static final long POLL_MILLIS = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final KafkaTopics topics;
    private final Connection database;
    private final Progress progress;

    Delivery(KafkaTopics topics, Connection database, Progress progress) {
        this.topics = topics;
        this.database = database;
        this.progress = progress;
    }

    /**
     * When everything arrived, in seconds after {@code startNanos}.
     *
     * @param records what the topic held when it first held every event: more than the events if the relay sent a
     *     batch again, which at-least-once delivery allows
     */
    record Arrival(double onTopicSeconds, long records, double projectedSeconds) {}

    Arrival await(String label, String topic, long events, long startNanos)
            throws SQLException, InterruptedException, ExecutionException {
        AtomicLong onTopic = new AtomicLong();
        AtomicLong projected = new AtomicLong();
        Long onTopicAt = null;
        Long projectedAt = null;
        long deadline = startNanos + TIMEOUT.toNanos();
        try (Progress.Report report = progress.reportWhile(() -> String.format(
                "%s: %,d of %,d events on the topic, %,d projected", label, onTopic.get(), events, projected.get()))) {
            while (onTopicAt == null || projectedAt == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(label + ": after " + TIMEOUT + " only " + onTopic + " of " + events
                            + " events are on " + topic + " and " + projected + " projected");
                }
                if (onTopicAt == null) {
                    onTopic.set(topics.records(topic));
                    onTopicAt = onTopic.get() >= events ? System.nanoTime() : null;
                }
                if (projectedAt == null) {
                    projected.set(projected());
                    projectedAt = projected.get() >= events ? System.nanoTime() : null;
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        return new Arrival((onTopicAt - startNanos) / 1e9, onTopic.get(), (projectedAt - startNanos) / 1e9);
    }

    /**
     * Events the projection has applied. Every event of the benchmark is a bill's, and a bill's row remembers the last
     * sequence number applied, so the rows' sequence numbers plus one add up to the events applied, exactly.
     */
    private long projected() throws SQLException {
        try (Statement select = database.createStatement();
                ResultSet row = select.executeQuery(
                        "select coalesce(sum(last_sequence + 1), 0) from measure where kind = 'BILL'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
