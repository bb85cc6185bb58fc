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
 * @param retrySchedule the wait before each delivery attempt; when it runs out the delivery has failed and is kept
 *     for redelivery
 * @param webhookTimeout how long a webhook receiver has to answer
 * @param disableAfter how long an endpoint may fail, without one success, before it is disabled and its owner told
 * @param lease how long a dispatcher holds a delivery it is attempting; a crashed dispatcher's deliveries are tried
 *     again after it, with the same id
 * @param senders how many deliveries are attempted at the same time
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
        @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
        @DefaultValue("15s") Duration webhookTimeout,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("8") int senders,
        @DefaultValue("30s") Duration tick,
        @DefaultValue List<String> allowedWebhookNetworks,
        @DefaultValue("24h") Duration secretOverlap) {}
