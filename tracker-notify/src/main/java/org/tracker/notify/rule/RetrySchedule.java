package org.tracker.notify.rule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long a failing destination (a webhook endpoint, an email address) waits before it is tried again: growing
 * pauses up to the last, which then repeats for as long as the failures last, each spread by up to a fifth either way
 * so that destinations that failed together are not tried together. A receiver's {@code Retry-After} is honoured when
 * it asks for longer, but only up to {@code longestRetryAfter}: a destination that is tried again often enough is
 * found soon after it answers again, and is given up on time if it never does.
 *
 * @param delays the pause after the first failure in a row, after the second, and so on; the last repeats
 * @param longestRetryAfter the longest pause a receiver's {@code Retry-After} can ask for
 */
public record RetrySchedule(List<Duration> delays, Duration longestRetryAfter) {

    public RetrySchedule {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule has at least one pause");
        }
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(Duration::isNegative) || longestRetryAfter.isNegative()) {
            throw new IllegalArgumentException("a retry schedule's pauses are not negative");
        }
    }

    /**
     * @param failures the destination's failed attempts in a row, the last one included: at least one
     * @param retryAfter how long the receiver asked the sender to wait, if it did
     * @return the pause before the next attempt
     */
    public Duration wait(int failures, Optional<Duration> retryAfter, RandomGenerator random) {
        if (failures < 1) {
            throw new IllegalArgumentException("a destination waits only after it failed");
        }
        long planned = delays.get(Math.min(failures, delays.size()) - 1).toMillis();
        long jittered = planned + (long) ((random.nextDouble() * 0.4 - 0.2) * planned);
        Duration wait = Duration.ofMillis(Math.max(0, jittered));
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(longestRetryAfter) > 0 ? longestRetryAfter : retryAfter.get();
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return wait;
    }
}
