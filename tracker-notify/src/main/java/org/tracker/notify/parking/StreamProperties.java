package org.tracker.notify.parking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How both consumers of the stream treat failures, under {@code tracker.stream}.
 *
 * @param attemptsAlone how many times an event is tried alone, each in its own transaction, before it is parked: a
 *     failure that repeats with nothing else in the transaction lies in the event
 * @param firstPause the pause before a batch is tried again after an outage of the database or the broker
 * @param longestPause the pause between tries grows to this, for as long as the outage lasts
 */
@ConfigurationProperties("tracker.stream")
public record StreamProperties(
        @DefaultValue("3") int attemptsAlone,
        @DefaultValue("200ms") Duration firstPause,
        @DefaultValue("60s") Duration longestPause) {}
