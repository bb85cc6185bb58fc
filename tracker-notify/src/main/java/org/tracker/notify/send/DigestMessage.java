package org.tracker.notify.send;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A digest subscription's alerts of one period, told together. */
public record DigestMessage(
        UUID subscriptionId, String subscriptionName, Instant from, Instant to, List<AlertMessage> alerts)
        implements Message {}
