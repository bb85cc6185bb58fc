package org.tracker.notify.rule;

import java.time.Instant;

/**
 * What becomes of the oldest delivery waiting for a destination after an attempt, and of the destination, as
 * {@link SettlePolicy} decides and the delivery queue records it.
 */
public sealed interface Settlement {

    /**
     * The delivery arrived, and the destination answers: the deliveries after it go out at once.
     *
     * @param at when the receiver's answer came
     */
    record Delivered(Instant at) implements Settlement {}

    /**
     * The destination failed: the same delivery is tried again first, and the ones after it wait.
     *
     * @param at when the next attempt is due
     */
    record Retry(Instant at) implements Settlement {}

    /**
     * The destination failed for good: every delivery waiting for it is given up together, with the reason, kept and
     * redeliverable; a webhook endpoint is disabled with them and its owner told.
     *
     * @param reason why, as said of the destination: "the receiver answered 410 Gone"
     */
    record GiveUp(String reason) implements Settlement {}
}
