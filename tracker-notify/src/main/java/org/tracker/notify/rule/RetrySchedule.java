package org.tracker.notify.rule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before each attempt at a delivery: the first at once, then growing pauses, each spread by up to a
 * fifth either way so that endpoints that failed together are not retried together. A receiver's
 * {@code Retry-After} is honoured when it asks for longer.
 *
 * @param delays the wait before each attempt, the first normally zero; when they run out the delivery has failed
 */
public record RetrySchedule(List<Duration> delays) {

    public RetrySchedule {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule has at least one attempt");
        }
        delays = List.copyOf(delays);
    }

    /**
     * @param attemptsMade how many attempts have been made
     * @return the wait before the next attempt, or empty when there is none left
     */
    public Optional<Duration> next(int attemptsMade, Optional<Duration> retryAfter, RandomGenerator random) {
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Duration planned = delays.get(attemptsMade);
        long millis = planned.toMillis();
        long jittered = millis + (long) ((random.nextDouble() * 0.4 - 0.2) * millis);
        Duration wait = Duration.ofMillis(Math.max(0, jittered));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        return Optional.of(wait);
    }

    public int attempts() {
        return delays.size();
    }
}
