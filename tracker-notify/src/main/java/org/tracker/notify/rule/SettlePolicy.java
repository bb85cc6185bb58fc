package org.tracker.notify.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tracker.notify.rule.Settlement.Delivered;
import org.tracker.notify.rule.Settlement.GiveUp;
import org.tracker.notify.rule.Settlement.Retry;

/**
 * What follows an attempt at a delivery. A success is done. A webhook whose receiver answered 410 Gone, or whose
 * endpoint has failed every attempt for {@code disableAfter}, is given up and its endpoint disabled, so that the
 * tracker stops sending where nobody listens. Any other failure waits for the next attempt of the schedule, longer if
 * the receiver asked, and is given up when the schedule has no attempt left.
 */
public record SettlePolicy(RetrySchedule retries, Duration disableAfter) {

    /**
     * An attempt that has its answer.
     *
     * @param at when the attempt began
     * @param attemptsMade the delivery's attempts, this one included
     * @param error why it failed, or null when it succeeded
     * @param retryAfter how long the receiver asked the sender to wait, if it did
     * @param gone whether a webhook receiver said its endpoint is gone for good (HTTP 410)
     * @param failingSince for a webhook that failed and is not gone: since when its endpoint has failed every
     *     attempt, this one included; else null
     */
    public record Attempted(
            Instant at,
            int attemptsMade,
            boolean succeeded,
            String error,
            Optional<Duration> retryAfter,
            boolean gone,
            Instant failingSince) {}

    /** @param answeredAt when the answer came: a retry waits from then, as Retry-After means "this long from now" */
    public Settlement after(Attempted attempt, Instant answeredAt, RandomGenerator random) {
        if (attempt.succeeded()) {
            return new Delivered(answeredAt);
        }
        if (attempt.gone()) {
            return new GiveUp(attempt.error(), true, "the receiver answered 410 Gone");
        }
        if (attempt.failingSince() != null
                && !Duration.between(attempt.failingSince(), attempt.at())
                        .minus(disableAfter)
                        .isNegative()) {
            return new GiveUp(attempt.error(), true, "it has failed every attempt since " + attempt.failingSince());
        }
        Optional<Duration> wait = retries.next(attempt.attemptsMade(), attempt.retryAfter(), random);
        if (wait.isPresent()) {
            return new Retry(answeredAt.plus(wait.get()));
        }
        return new GiveUp(attempt.error() + " (no attempts left)", true, null);
    }
}
