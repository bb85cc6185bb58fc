package org.tracker.notify.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tracker.notify.rule.Settlement.Delivered;
import org.tracker.notify.rule.Settlement.GiveUp;
import org.tracker.notify.rule.Settlement.Retry;

/**
 * What follows an attempt at the oldest delivery waiting for a destination (a webhook endpoint, an email address).
 * Deliveries to a destination go out one at a time in the order they were decided, so a failure holds back those
 * after it: the destination is tried again with the same delivery when {@link RetrySchedule} says, and once that
 * succeeds the rest follow at once. A delivery is never given up on its own while its destination may still answer.
 * When a webhook receiver says its endpoint is gone (HTTP 410), or a destination has failed every attempt for {@code
 * disableAfter}, all the deliveries waiting for it are given up together, and a webhook endpoint is disabled with
 * them: one decision, so that no alert is given up without its endpoint being disabled and its owner told.
 */
public record SettlePolicy(RetrySchedule retries, Duration disableAfter) {

    /**
     * An attempt that has its answer.
     *
     * @param at when the attempt began
     * @param error why it failed, or null when it succeeded
     * @param retryAfter how long the receiver asked the sender to wait, if it did
     * @param gone whether a webhook receiver said its endpoint is gone for good (HTTP 410)
     * @param failingSince since when the destination had failed every attempt before this one, or null when its last
     *     attempt succeeded
     * @param failures the destination's failed attempts in a row before this one
     */
    public record Attempted(
            Instant at,
            boolean succeeded,
            String error,
            Optional<Duration> retryAfter,
            boolean gone,
            Instant failingSince,
            int failures) {}

    /** @param answeredAt when the answer came: a retry waits from then, as Retry-After means "this long from now" */
    public Settlement after(Attempted attempt, Instant answeredAt, RandomGenerator random) {
        if (attempt.succeeded()) {
            return new Delivered(answeredAt);
        }
        if (attempt.gone()) {
            return new GiveUp("the receiver answered 410 Gone");
        }
        Instant failingSince = attempt.failingSince() == null ? attempt.at() : attempt.failingSince();
        if (!Duration.between(failingSince, attempt.at()).minus(disableAfter).isNegative()) {
            return new GiveUp("it has failed every attempt since " + failingSince);
        }
        return new Retry(answeredAt.plus(retries.wait(attempt.failures() + 1, attempt.retryAfter(), random)));
    }
}
