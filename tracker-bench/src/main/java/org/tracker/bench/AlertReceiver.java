package org.tracker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver that keeps every alert it accepted: its {@code webhook-id}, the fact it tells of (the action's
 * text, which the notifier puts in the change's {@code to}) and when it came. While {@link #refuse() refusing}, it
 * answers 503 to everything and keeps nothing, as a receiver behind a load balancer with no healthy backend does.
 */
final class AlertReceiver implements AutoCloseable {

    static final String PATH = "/alerts";

    private static final ObjectMapper JSON = new ObjectMapper();

    record Delivery(String webhookId, String fact, long arrivedNanos) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Collection<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean refusing;

    AlertReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext(PATH, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            if (refusing) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String fact =
                    JSON.readTree(body).path("data").path("change").path("to").asText();
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            deliveries.add(new Delivery(webhookId, fact, now));
            firstArrival.putIfAbsent(fact, now);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Answers 503 from now on. */
    void refuse() {
        refusing = true;
    }

    /** Accepts alerts again. */
    void accept() {
        refusing = false;
    }

    /** When the first accepted alert about a fact arrived ({@link System#nanoTime()}), or null. */
    Long arrivalOf(String fact) {
        return firstArrival.get(fact);
    }

    /** The accepted deliveries about these facts, repeats included. */
    List<Delivery> deliveriesOf(Set<String> facts) {
        return deliveries.stream()
                .filter(delivery -> facts.contains(delivery.fact()))
                .toList();
    }

    /** Requests answered 503 so far. */
    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
