package org.tracker.notify.send;

import java.util.UUID;

/** What a delivery tells its recipient, whichever channel carries it: one alert, or a digest of several. */
public sealed interface Message permits AlertMessage, DigestMessage {

    UUID subscriptionId();

    /** The subscription's name, or null when it has none. */
    String subscriptionName();
}
