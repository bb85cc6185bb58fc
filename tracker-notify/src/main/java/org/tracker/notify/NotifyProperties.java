package org.tracker.notify;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notifier's settings, under {@code tracker.notify}.
 *
 * @param enabled whether this instance decides and sends alerts
 * @param group the notifier's Kafka consumer group, apart from the projections' so that each reads every event
 * @param publicUrl the tracker's address as recipients reach it, for links to measures and to unsubscribe
 * @param mailFrom the sender of alert emails
 * @param retrySchedule how long a failing destination (a webhook endpoint, an email address) waits before its oldest
 *     delivery is tried again: after its first failure in a row, its second, and so on, the last repeating for as long
 *     as it fails; the deliveries behind the oldest wait with it and follow at once when it succeeds
 * @param longestRetryAfter the longest a receiver's {@code Retry-After} can hold back the next attempt
 * @param webhookTimeout how long a webhook receiver has to answer
 * @param disableAfter how long a destination may fail, without one success, before everything waiting for it is
 *     given up, a webhook endpoint disabled, and the owners told; nothing is given up sooner but for a webhook
 *     receiver's 410 Gone
 * @param lease how long a dispatcher holds a destination, renewed by each delivery it sends there; a crashed
 *     dispatcher's destinations are taken by another after it, and what it had sent but not yet recorded is sent
 *     again with the same ids
 * @param senders how many destinations are sent to at the same time, each one delivery at a time
 * @param tick how often deadlines and digests are checked
 * @param allowedWebhookNetworks private, loopback or link-local networks (CIDR) that webhooks may target anyway;
 *     none by default, since a webhook URL must not reach the tracker's own network
 * @param secretOverlap how long a rotated-out webhook secret still signs, beside the new one
 */
@ConfigurationProperties("tracker.notify")
public record NotifyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("tracker-notifier") String group,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("tracker@localhost") String mailFrom,
        @DefaultValue({"5s", "15s", "30s"}) List<Duration> retrySchedule,
        @DefaultValue("60s") Duration longestRetryAfter,
        @DefaultValue("15s") Duration webhookTimeout,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("8") int senders,
        @DefaultValue("30s") Duration tick,
        @DefaultValue List<String> allowedWebhookNetworks,
        @DefaultValue("24h") Duration secretOverlap) {}
