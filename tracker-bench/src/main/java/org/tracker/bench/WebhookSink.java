package org.tracker.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver that notes when the first alert about each measure arrived, and how many alerts came in all
 * (more than measures means repeats).
 */
final class WebhookSink implements AutoCloseable {

    /** The alert's measure, which the notifier writes first in the measure object. */
    private static final String MEASURE = "\"measure\":{\"id\":\"";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final AtomicLong alerts = new AtomicLong();

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            int start = body.indexOf(MEASURE);
            if (exchange.getRequestURI().getPath().equals(ALERTS) && start >= 0) {
                alerts.incrementAndGet();
                start += MEASURE.length();
                firstArrival.putIfAbsent(body.substring(start, body.indexOf('"', start)), now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where the tracker's alerts go; anything posted elsewhere (the baseline) is answered and not counted. */
    static final String ALERTS = "/alerts";

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** When the first alert about a measure arrived ({@link System#nanoTime()}), or null. */
    Long arrivalOf(String measureId) {
        return firstArrival.get(measureId);
    }

    int measuresAlerted() {
        return firstArrival.size();
    }

    /** Every alert received, repeats included. */
    long alerts() {
        return alerts.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
