package org.tracker.notify.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One try at a delivery, as the log keeps it.
 *
 * @param statusCode the receiver's HTTP status (or SMTP reply code), or null when none came
 * @param error why it failed, or null
 */
public record Attempt(
        UUID deliveryId,
        Instant attemptedAt,
        Delivery.Channel channel,
        String target,
        Outcome outcome,
        Integer statusCode,
        long latencyMillis,
        String error) {

    public enum Outcome {
        DELIVERED,
        FAILED,
        /** The target is refused: a private address, a disabled endpoint. */
        REFUSED
    }
}
