package org.tracker.api.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real HTTP server that receives webhooks as a subscriber's would: it keeps every request and answers with the
 * responses it was told to give, then 204.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A request as it arrived.
     *
     * @param answered the status it was answered with
     */
    public record Received(
            String path,
            String id,
            String timestamp,
            String signature,
            String body,
            Map<String, List<String>> headers,
            long atNanos,
            int answered) {

        public boolean delivered() {
            return answered >= 200 && answered < 300;
        }

        /** The alert's new value ({@code data.change.to}), such as an action's text. */
        public String changedTo() {
            try {
                return JSON.readTree(body).at("/data/change/to").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An answer to give: a status, headers, and something to do before answering (such as to wait). */
    public record Answer(int status, Map<String, String> headers, Consumer<Received> before) {

        public static Answer status(int status) {
            return new Answer(status, Map.of(), received -> {});
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Answer> whileDown = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answering = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new java.util.concurrent.ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
            String path = exchange.getRequestURI().getPath();
            AtomicInteger now = answering.computeIfAbsent(path, key -> new AtomicInteger());
            mostAtOnce
                    .computeIfAbsent(path, key -> new AtomicInteger())
                    .accumulateAndGet(now.incrementAndGet(), Math::max);
            Answer answer = whileDown.get(path);
            if (answer == null) {
                answer = answers.computeIfAbsent(path, key -> new ConcurrentLinkedDeque<>())
                        .pollFirst();
            }
            if (answer == null) {
                answer = Answer.status(204);
            }
            Received request = new Received(
                    path,
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8),
                    headers,
                    System.nanoTime(),
                    answer.status());
            answer.before().accept(request);
            received.add(request);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            // Before the answer goes: the sender cannot send its next request before it has this one's answer.
            now.decrementAndGet();
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What to answer the next requests to a path with, before going back to 204. */
    public void answerNext(String path, Answer... next) {
        answers.computeIfAbsent(path, key -> new ConcurrentLinkedDeque<>()).addAll(List.of(next));
    }

    /** Answers every request to a path with this until {@link #up}, whatever answers were queued. */
    public void down(String path, Answer answer) {
        whileDown.put(path, answer);
    }

    public void up(String path) {
        whileDown.remove(path);
    }

    /** The most requests to a path that were being answered at the same time. */
    public int mostAtOnce(String path) {
        AtomicInteger most = mostAtOnce.get(path);
        return most == null ? 0 : most.get();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> receivedAt(String path) {
        return received().stream()
                .filter(request -> request.path().equals(path))
                .toList();
    }

    /** What reached a path: each alert once, as first answered with success, in that order. */
    public List<Received> deliveredAt(String path) {
        Map<String, Received> first = new LinkedHashMap<>();
        for (Received request : receivedAt(path)) {
            if (request.delivered()) {
                first.putIfAbsent(request.id(), request);
            }
        }
        return new ArrayList<>(first.values());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
