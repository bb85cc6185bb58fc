package org.tracker.notify.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tracker.notify.rule.Condition;
import org.tracker.notify.rule.Trigger;
import org.tracker.notify.store.Delivery.Channel;
import org.tracker.notify.store.Delivery.Status;

/**
 * One alert as an auditor reads it: whom it alerted and why, what was sent to whom, and every attempt.
 *
 * @param measureId the measure the alert is about
 * @param cause the event that made the change, or null when time passing made it (a deadline)
 * @param trigger the kind of change
 * @param matched the subscription's conditions that selected the change, or null on alerts decided before the
 *     notifier kept them
 * @param subscription the subscription as it was when it selected the change
 * @param message what the alert says: the measure, what changed from what to what, when and where the fact came from
 * @param deliveries one a channel, or for a digest the digest's; empty while a digest waits for its hour
 */
public record AuditedAlert(
        UUID id,
        String account,
        String measureId,
        Instant decidedAt,
        Cause cause,
        Trigger trigger,
        List<Condition> matched,
        JsonNode subscription,
        JsonNode message,
        List<Sent> deliveries) {

    /**
     * One message on one channel and every try at it.
     *
     * @param recipient the email address or webhook URL; null for a webhook endpoint deleted before the notifier
     *     kept its URL with each delivery
     * @param endpoint for a webhook, the endpoint's id; else null
     * @param digest whether this is a digest, which carries this alert with others
     */
    public record Sent(
            UUID id,
            Channel channel,
            String recipient,
            UUID endpoint,
            boolean digest,
            Status status,
            Instant createdAt,
            Instant deliveredAt,
            String lastError,
            List<Attempt> attempts) {}
}
