package org.tracker.notify.send;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.tracker.notify.NotifyProperties;
import org.tracker.notify.send.WebhookTargets.RefusedTarget;
import org.tracker.notify.store.Delivery;
import org.tracker.notify.store.WebhookEndpoint;

/**
 * Posts a delivery to its endpoint, signed. Only a 2xx answer is success; redirects are not followed, since they
 * could lead into the tracker's own network. The connection goes to the address {@link WebhookTargets} checked, while
 * the URL's host name still names the server in the Host header and in TLS (SNI and certificate verification): a name
 * that resolves elsewhere a moment later cannot steer the request inside. No proxy is used, as it would look the name
 * up again.
 */
@Component
class WebhookSender implements DisposableBean {

    private final CloseableHttpClient client;
    private final WebhookTargets targets;

    WebhookSender(NotifyProperties properties, WebhookTargets targets) {
        this.targets = targets;
        Timeout timeout = Timeout.of(properties.webhookTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                // Automatic retries are off, so a connection the receiver closed while idle must
                                // be noticed before a delivery is sent on it, not fail the attempt.
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        // No more exchanges at once than the dispatcher has senders.
                        .setMaxConnPerRoute(properties.senders())
                        .setMaxConnTotal(properties.senders())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                .disableRedirectHandling()
                // A failed attempt is the dispatcher's to retry, on its schedule and recorded.
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** @throws InterruptedException when the dispatcher is stopping: the attempt is abandoned, not recorded */
    SendResult send(WebhookEndpoint endpoint, Delivery delivery, Instant now) throws InterruptedException {
        WebhookTargets.Target target;
        try {
            target = targets.check(endpoint.url());
        } catch (RefusedTarget refused) {
            return SendResult.refused(refused.getMessage());
        }
        List<String> secrets = endpoint.signingSecrets(now);
        long timestamp = now.getEpochSecond();
        HttpPost request = new HttpPost(target.uri());
        request.setHeader("User-Agent", "tracker-notify");
        request.setHeader("webhook-id", delivery.webhookId());
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader(
                "webhook-signature",
                WebhookSignature.header(secrets, delivery.webhookId(), timestamp, delivery.payload()));
        request.setEntity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON));
        long started = System.nanoTime();
        try {
            SendResult result = client.execute(checkedAddress(target), request, response -> {
                long millis = (System.nanoTime() - started) / 1_000_000;
                int status = response.getCode();
                if (status >= 200 && status < 300) {
                    return SendResult.delivered(status, millis);
                }
                Header retryAfter = response.getFirstHeader("Retry-After");
                return SendResult.failed(
                        status,
                        retryAfter(Optional.ofNullable(retryAfter).map(Header::getValue), now),
                        "the receiver answered HTTP " + status,
                        millis);
            });
            abandonIfStopping();
            return result;
        } catch (IOException e) {
            abandonIfStopping();
            long millis = (System.nanoTime() - started) / 1_000_000;
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SendResult.failed(null, Optional.empty(), "no answer: " + reason, millis);
        }
    }

    /** The URL's host and port, pinned to the first address that was checked. */
    private static HttpHost checkedAddress(WebhookTargets.Target target) {
        URI uri = target.uri();
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new HttpHost(uri.getScheme(), target.addresses().get(0), host, uri.getPort());
    }

    /** Blocking socket reads ignore interrupts, so a stop that came during the exchange is noticed after it. */
    private static void abandonIfStopping() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("the dispatcher is stopping");
        }
    }

    /** Cuts the exchanges still waiting on slow receivers, which the dispatcher has stopped waiting for. */
    @Override
    public void destroy() {
        client.close(CloseMode.IMMEDIATE);
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
