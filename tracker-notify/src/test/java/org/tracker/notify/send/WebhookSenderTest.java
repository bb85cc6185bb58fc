package org.tracker.notify.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tracker.notify.NotifyProperties;
import org.tracker.notify.send.WebhookTargets.HostResolver;
import org.tracker.notify.store.Attempt.Outcome;
import org.tracker.notify.store.Delivery;
import org.tracker.notify.store.WebhookEndpoint;

/**
 * Webhooks posted to real HTTP receivers on loopback addresses, with host names looked up by a stand-in resolver whose
 * answers change from one lookup to the next, as a hostile name server's would.
 */
class WebhookSenderTest {

    private static final String HOST = "hooks.example.org";
    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    private final List<Receiver> receivers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(receiver -> receiver.server.stop(0));
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedUnlessItsNetworkIsAllowed() throws Exception {
        Receiver receiver = receiver("127.0.0.1", 0, 204, Map.of());
        HostResolver loopback = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};

        SendResult refused = sender(loopback).send(endpoint(receiver.port), delivery(), NOW);
        SendResult allowed = sender(loopback, "127.0.0.0/8").send(endpoint(receiver.port), delivery(), NOW);

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.error()).contains("resolves to 127.0.0.1, an internal address");
        assertThat(allowed.succeeded()).as(allowed.error()).isTrue();
        assertThat(receiver.hosts)
                .as("one request, after the allowed attempt only")
                .hasSize(1);
        assertThat(receiver.hosts.get(0)).isEqualTo(HOST + ":" + receiver.port);
    }

    @Test
    void connectsToTheAddressThatWasCheckedNeverToWhatTheNameResolvesToNext() throws Exception {
        Receiver checked = receiver("127.0.0.1", 0, 204, Map.of());
        Receiver rebound = receiver("127.0.0.2", checked.port, 204, Map.of());
        Rebinding resolver = new Rebinding("127.0.0.1", "127.0.0.2");

        SendResult result = sender(resolver, "127.0.0.1/32").send(endpoint(checked.port), delivery(), NOW);

        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(checked.hosts).containsExactly(HOST + ":" + checked.port);
        assertThat(rebound.hosts).isEmpty();
        assertThat(resolver.lookups).hasValue(1);
    }

    @Test
    void aNameThatTurnsInternalAfterItsCheckIsNeverReachedInside() throws Exception {
        Receiver inside = receiver("127.0.0.1", 0, 204, Map.of());
        // TEST-NET-3: public as far as the check goes, and nobody answers there.
        Rebinding resolver = new Rebinding("203.0.113.7", "127.0.0.1");

        SendResult result = sender(resolver).send(endpoint(inside.port), delivery(), NOW);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).startsWith("no answer");
        assertThat(inside.hosts).isEmpty();
        assertThat(resolver.lookups).hasValue(1);
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
        Receiver elsewhere = receiver("127.0.0.1", 0, 204, Map.of());
        Receiver redirecting = receiver(
                "127.0.0.1",
                0,
                307,
                Map.of("Location", "http://127.0.0.1:" + elsewhere.port + "/", "Retry-After", "7"));
        HostResolver loopback = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};

        SendResult result = sender(loopback, "127.0.0.1/32").send(endpoint(redirecting.port), delivery(), NOW);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.statusCode()).isEqualTo(307);
        assertThat(result.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(redirecting.hosts).hasSize(1);
        assertThat(elsewhere.hosts).isEmpty();
    }

    /** Answers the first lookup with one address and every later one with another. */
    private static final class Rebinding implements HostResolver {

        final AtomicInteger lookups = new AtomicInteger();
        private final String first;
        private final String later;

        Rebinding(String first, String later) {
            this.first = first;
            this.later = later;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String address = lookups.getAndIncrement() == 0 ? first : later;
            return new InetAddress[] {InetAddress.getByName(address)};
        }
    }

    private record Receiver(HttpServer server, int port, List<String> hosts) {}

    private Receiver receiver(String address, int port, int status, Map<String, String> headers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        List<String> hosts = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        Receiver receiver = new Receiver(server, server.getAddress().getPort(), hosts);
        receivers.add(receiver);
        return receiver;
    }

    private static WebhookSender sender(HostResolver resolver, String... allowedNetworks) {
        NotifyProperties properties = new NotifyProperties(
                true,
                "tracker-notifier",
                "http://localhost:8080",
                "tracker@localhost",
                List.of(Duration.ofSeconds(5)),
                Duration.ofSeconds(60),
                Duration.ofSeconds(2),
                Duration.ofDays(5),
                Duration.ofSeconds(60),
                2,
                Duration.ofSeconds(30),
                List.of(allowedNetworks),
                Duration.ofHours(24));
        return new WebhookSender(properties, new WebhookTargets(properties, resolver));
    }

    private static WebhookEndpoint endpoint(int port) {
        return new WebhookEndpoint(
                UUID.randomUUID(),
                "hfac-staff",
                "http://" + HOST + ":" + port + "/tracker",
                "staff hooks",
                List.of(new WebhookEndpoint.Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null)),
                null,
                null,
                null,
                NOW);
    }

    private static Delivery delivery() {
        return new Delivery(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "hfac-staff",
                Delivery.Channel.WEBHOOK,
                UUID.randomUUID().toString(),
                "measure.status_changed",
                "{\"type\":\"measure.status_changed\"}",
                Delivery.Status.PENDING,
                0,
                NOW,
                null,
                NOW,
                null);
    }
}
