package org.tracker.notify.send;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tracker.notify.NotifyProperties;
import org.tracker.notify.send.WebhookTargets.RefusedTarget;
import org.tracker.notify.store.Delivery;
import org.tracker.notify.store.WebhookEndpoint;

/**
 * Posts a delivery to its endpoint, signed. Only a 2xx answer is success; redirects are not followed, since they
 * could lead into the tracker's own network.
 */
@Component
class WebhookSender {

    private final HttpClient client;
    private final Duration timeout;
    private final WebhookTargets targets;

    WebhookSender(NotifyProperties properties, WebhookTargets targets) {
        this.timeout = properties.webhookTimeout();
        this.targets = targets;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** @throws InterruptedException when the dispatcher is stopping: the attempt is abandoned, not recorded */
    SendResult send(WebhookEndpoint endpoint, Delivery delivery, Instant now) throws InterruptedException {
        URI url;
        try {
            url = targets.check(endpoint.url());
        } catch (RefusedTarget refused) {
            return SendResult.refused(refused.getMessage());
        }
        List<String> secrets = endpoint.signingSecrets(now);
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "tracker-notify")
                .header("webhook-id", delivery.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSignature.header(secrets, delivery.webhookId(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            long millis = (System.nanoTime() - started) / 1_000_000;
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SendResult.delivered(status, millis);
            }
            return SendResult.failed(
                    status,
                    retryAfter(response.headers().firstValue("Retry-After"), now),
                    "the receiver answered HTTP " + status,
                    millis);
        } catch (IOException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SendResult.failed(null, Optional.empty(), "no answer: " + reason, millis);
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
