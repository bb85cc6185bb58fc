package org.tracker.notify.parking;

import java.util.Locale;

/** The consumers of the event stream that park what they cannot process, each with its own parked events. */
public enum StreamConsumer {
    PROJECTION,
    NOTIFIER;

    /** As stored and as operators write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StreamConsumer of(String id) {
        for (StreamConsumer consumer : values()) {
            if (consumer.id().equalsIgnoreCase(id)) {
                return consumer;
            }
        }
        throw new IllegalArgumentException("no consumer '" + id + "': it is 'projection' or 'notifier'");
    }
}
