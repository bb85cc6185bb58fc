package org.tracker.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of facts, each a new action with a text of its own on one of a set of bills, posted in turn to each
 * tracker instance. Each instance has bills of its own: two instances appending to one bill at once may refuse one
 * fact as a conflict, which is not what a fault benchmark measures. Posts are not held back by slow answers, so a
 * fault that makes the API hang does not slow the stream; each post's answer, or why none came, is kept.
 */
final class FactLoad {

    /** How long a post waits for its answer; one that waits longer counts as refused, though it may yet be stored. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

    private static final String ACTION_DATE = "2026-03-02";

    /** An instance's address and the bills posted to it. */
    record Target(String name, String baseUrl, List<String> bills) {}

    /** The answer to a post: an HTTP status, or 0 and why none came. */
    record Answer(int status, String failure, long atNanos) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        String outcome() {
            return status == 0 ? failure : "HTTP " + status;
        }
    }

    /** One fact posted: its text, found again in the store and the alerts, and its answer once it came. */
    record Fact(String text, String instance, long sentNanos, CompletableFuture<Answer> answer) {

        boolean answered() {
            return answer.isDone();
        }

        boolean acknowledged() {
            return answer.isDone() && answer.join().acknowledged();
        }
    }

    private final HttpClient http;
    private final List<Target> targets;
    private final String token;
    private final int perSecond;
    private final List<Fact> facts = new CopyOnWriteArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private ScheduledExecutorService pacer;

    FactLoad(HttpClient http, List<Target> targets, String token, int perSecond) {
        this.http = http;
        this.targets = targets;
        this.token = token;
        this.perSecond = perSecond;
    }

    /** Starts posting facts whose texts name {@code scenario}. */
    void start(String scenario) {
        facts.clear();
        sent.set(0);
        pacer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "fault-load"));
        pacer.scheduleAtFixedRate(() -> post(scenario), 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
    }

    /** Stops posting and waits for the answers still to come. */
    void stop() throws InterruptedException {
        pacer.shutdown();
        pacer.awaitTermination(1, TimeUnit.MINUTES);
        CompletableFuture.allOf(facts.stream().map(Fact::answer).toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
    }

    List<Fact> facts() {
        return List.copyOf(facts);
    }

    /** How many posts ended each way, such as "HTTP 201: 1,200, connection refused: 37". */
    static String outcomes(List<Fact> facts) {
        Map<String, Integer> counts = new TreeMap<>();
        facts.forEach(fact -> counts.merge(fact.answer().join().outcome(), 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        counts.forEach((outcome, count) ->
                text.append(text.length() == 0 ? "" : ", ").append(String.format("%s: %,d", outcome, count)));
        return text.toString();
    }

    private void post(String scenario) {
        int n = sent.getAndIncrement();
        Target target = targets.get(n % targets.size());
        String bill = target.bills().get((n / targets.size()) % target.bills().size());
        String text = "Fault bench " + scenario + " fact " + n + " through " + target.name() + ".";
        String body = "{\"action\": {\"date\": \"" + ACTION_DATE + "\", \"text\": \"" + text
                + "\", \"source\": \"HOUSE_FLOOR\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/bills/" + bill + "/actions"))
                .timeout(ANSWER_WAIT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long sentNanos = System.nanoTime();
        CompletableFuture<Answer> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null
                        ? new Answer(response.statusCode(), null, System.nanoTime())
                        : new Answer(0, describe(failure), System.nanoTime()));
        facts.add(new Fact(text, target.name(), sentNanos, answer));
    }

    private static String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + ANSWER_WAIT.toSeconds() + " s";
        }
        if (cause instanceof IOException) {
            return "connection lost";
        }
        return cause.toString();
    }
}
