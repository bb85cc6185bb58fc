package org.tracker.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tracker.bench.FactLoad.Fact;

/**
 * How long after a moment the tracker is whole again: the seconds from it until every fact acknowledged within the
 * first second of acknowledgements after it is both projected and alerted. A second of facts lands on every bill, and
 * so on every partition: one partition still waiting for a consumer keeps the clock running. Without a fault the figure
 * is what a fact takes from post to alert, plus up to a second.
 */
final class RecoveryWatch {

    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 250;

    private final long fromNanos;
    private final FactLoad load;
    private final FactStore store;
    private final long afterIndex;
    private final AlertReceiver receiver;
    private final Map<String, Long> projectedAt = new HashMap<>();
    private final CompletableFuture<Double> seconds = new CompletableFuture<>();
    private volatile boolean stopped;

    private RecoveryWatch(long fromNanos, FactLoad load, FactStore store, long afterIndex, AlertReceiver receiver) {
        this.fromNanos = fromNanos;
        this.load = load;
        this.store = store;
        this.afterIndex = afterIndex;
        this.receiver = receiver;
    }

    /**
     * Starts watching facts posted from {@code fromNanos} on.
     *
     * @param afterIndex the store's last global index before the scenario's facts
     */
    static RecoveryWatch from(long fromNanos, FactLoad load, FactStore store, long afterIndex, AlertReceiver receiver) {
        RecoveryWatch watch = new RecoveryWatch(fromNanos, load, store, afterIndex, receiver);
        Thread thread = new Thread(watch::watch, "recovery-watch");
        thread.setDaemon(true);
        thread.start();
        return watch;
    }

    /** The seconds it took, waiting up to {@code patience} more for them; empty when it never became whole. */
    OptionalDouble seconds(Duration patience) throws InterruptedException {
        try {
            return OptionalDouble.of(seconds.get(patience.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return OptionalDouble.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            stopped = true;
        }
    }

    private void watch() {
        while (!stopped) {
            List<Fact> since = load.facts().stream()
                    .filter(fact -> fact.sentNanos() >= fromNanos)
                    .toList();
            noteProjected(since);
            Optional<Double> whole = wholeAfter(since);
            if (whole.isPresent()) {
                seconds.complete(whole.get());
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Notes when each fact was first seen projected; while the database is down, nothing is seen. */
    private void noteProjected(List<Fact> since) {
        Map<String, Boolean> stored;
        try {
            stored = store.stored(afterIndex);
        } catch (SQLException e) {
            return;
        }
        long now = System.nanoTime();
        since.forEach(fact -> {
            if (stored.getOrDefault(fact.text(), false)) {
                projectedAt.putIfAbsent(fact.text(), now);
            }
        });
    }

    private Optional<Double> wholeAfter(List<Fact> since) {
        Optional<Fact> first = since.stream().filter(Fact::acknowledged).min(Comparator.comparingLong(Fact::sentNanos));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        long windowEnd = first.get().sentNanos() + WINDOW.toNanos();
        List<Fact> window =
                since.stream().filter(fact -> fact.sentNanos() <= windowEnd).toList();
        if (System.nanoTime() <= windowEnd || !window.stream().allMatch(Fact::answered)) {
            return Optional.empty();
        }
        long wholeAt = fromNanos;
        for (Fact fact : window) {
            if (!fact.acknowledged()) {
                continue;
            }
            Long projected = projectedAt.get(fact.text());
            Long alerted = receiver.arrivalOf(fact.text());
            if (projected == null || alerted == null) {
                return Optional.empty();
            }
            wholeAt = Math.max(wholeAt, Math.max(projected, alerted));
        }
        return Optional.of((wholeAt - fromNanos) / 1e9);
    }
}
