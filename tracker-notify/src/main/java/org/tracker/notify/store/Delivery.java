package org.tracker.notify.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One message on one channel. Its id is the {@code webhook-id} and the email's Message-ID: the same on every attempt,
 * so a receiver that sees it twice knows it is a repeat.
 *
 * @param alertId the alert it carries, or null for a digest
 * @param target an email address, or a webhook endpoint's id
 * @param payload the JSON body, fixed when the delivery was decided so every attempt sends the same
 */
public record Delivery(
        UUID id,
        UUID alertId,
        UUID subscriptionId,
        String account,
        Channel channel,
        String target,
        String eventType,
        String payload,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    public enum Channel {
        EMAIL,
        WEBHOOK
    }

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    public String webhookId() {
        return "msg_" + id;
    }
}
