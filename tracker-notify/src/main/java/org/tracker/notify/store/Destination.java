package org.tracker.notify.store;

import java.time.Instant;
import java.util.UUID;
import org.tracker.notify.store.Delivery.Channel;

/**
 * Where deliveries go, as a dispatcher holds it: its deliveries are sent one at a time, oldest first, and only by the
 * dispatcher that holds it.
 *
 * @param target an email address, or a webhook endpoint's id
 * @param failingSince when the first of its current run of failures happened, or null while it answers
 * @param failures its failed attempts in a row
 * @param lease the holder's token: a dispatcher whose lease ran out no longer holds the destination
 */
public record Destination(Channel channel, String target, Instant failingSince, int failures, UUID lease) {

    /** The same destination after an attempt at it succeeded. */
    public Destination answered() {
        return new Destination(channel, target, null, 0, lease);
    }
}
