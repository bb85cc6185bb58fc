package org.tracker.notify.rule;

import java.time.Instant;

/** What becomes of a delivery after an attempt, as {@link SettlePolicy} decides and the delivery queue records it. */
public sealed interface Settlement {

    /** @param at when the receiver's answer came */
    record Delivered(Instant at) implements Settlement {}

    /** @param at when the next attempt is due */
    record Retry(Instant at) implements Settlement {}

    /**
     * The delivery failed for good; it is kept, and can be redelivered through the API.
     *
     * @param counted whether the attempt counts among the delivery's attempts: not when nothing could be tried
     * @param disableEndpoint why the delivery's webhook endpoint is disabled as well, or null when it is not
     */
    record GiveUp(String reason, boolean counted, String disableEndpoint) implements Settlement {}
}
