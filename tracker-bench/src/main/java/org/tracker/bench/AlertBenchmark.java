package org.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./tracker bench alerts}: how soon a subscriber hears of a fact, and how many alerts the tracker sends a
 * second. Facts are posted to the HTTP API, each a new bill that a subscription's webhook follows; a real HTTP
 * receiver notes when each alert arrives.
 *
 * <ol>
 *   <li>Latency: facts at a steady rate (200/s by default) for a while; for each, the time from the API's answer to
 *       the alert's arrival, as percentiles.
 *   <li>Throughput: a burst of facts posted as fast as the API takes them; alerts/s from the first post to the last
 *       alert, beside plain signed POSTs of the same bodies to the same receiver from as many threads.
 * </ol>
 */
final class AlertBenchmark {

    private static final String TOPIC = "bench.alerts";
    private static final String OPERATOR_TOKEN = "bench-" + UUID.randomUUID();
    private static final int POSTING_THREADS = 8;

    private final int rate;
    private final int warmUpSeconds;
    private final int seconds;
    private final int burst;
    private final Map<String, String> trackerSettings;
    private final Progress progress = new Progress();
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(POSTING_THREADS))
            .build();
    private final AtomicInteger nextBill = new AtomicInteger(10_000);

    private String base;
    private String token;

    private AlertBenchmark(int rate, int warmUpSeconds, int seconds, int burst, Map<String, String> trackerSettings) {
        this.rate = rate;
        this.warmUpSeconds = warmUpSeconds;
        this.seconds = seconds;
        this.burst = burst;
        this.trackerSettings = trackerSettings;
    }

    static final String USAGE =
            """
            usage: ./tracker bench alerts [--rate=R] [--warm-up=W] [--seconds=S] [--burst=N] [--spring.or.tracker.property=value ...]
              --rate     facts per second while latency is measured (default 200)
              --warm-up  seconds of facts at that rate before measuring, while the JIT compiles the hot paths (default 30)
              --seconds  how long latency is measured (default 30)
              --burst    facts posted as fast as possible for the throughput figure (default 5000)""";

    static void run(String[] args) throws Exception {
        BenchArguments arguments =
                BenchArguments.parse(args, Map.of("rate", "200", "warm-up", "30", "seconds", "30", "burst", "5000"));
        new AlertBenchmark(
                        arguments.positiveInt("rate"),
                        arguments.positiveInt("warm-up"),
                        arguments.positiveInt("seconds"),
                        arguments.positiveInt("burst"),
                        arguments.trackerSettings())
                .run();
    }

    private void run() throws Exception {
        progress.say("starting embedded PostgreSQL and Kafka, and a webhook receiver");
        try (BenchServers servers = BenchServers.start();
                MemoryPeaks memory = new MemoryPeaks(servers.postmasterPidFile());
                WebhookSink sink = new WebhookSink()) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("tracker.api-token", OPERATOR_TOKEN);
            settings.put("tracker.notify.allowed-webhook-networks", "127.0.0.0/8");
            settings.putAll(trackerSettings);
            progress.say("starting the tracker on topic " + TOPIC);
            try (TrackerInstance tracker = TrackerInstance.start(servers, TOPIC, settings)) {
                base = "http://127.0.0.1:" + tracker.port();
                subscribe(sink);

                // A server runs for days; the first minute's compiling is not its steady state, so it is not timed.
                int warmUp = rate * warmUpSeconds;
                progress.say(String.format("warming up: %,d facts at %,d/s and their alerts, not timed", warmUp, rate));
                Map<String, Long> warming = postAtRate(warmUp, rate);
                awaitAlerts(sink, warming.keySet(), Duration.ofSeconds(120));

                int facts = rate * seconds;
                progress.say(String.format("latency: %,d facts at %,d/s while alerts are sent", facts, rate));
                Map<String, Long> accepted = postAtRate(facts, rate);
                awaitAlerts(sink, accepted.keySet(), Duration.ofSeconds(120));
                long[] latencies = accepted.entrySet().stream()
                        .mapToLong(fact -> sink.arrivalOf(fact.getKey()) - fact.getValue())
                        .sorted()
                        .toArray();

                progress.say(String.format("throughput: %,d facts as fast as the API takes them", burst));
                long burstStart = System.nanoTime();
                Map<String, Long> burstFacts = postAtRate(burst, Integer.MAX_VALUE);
                long postedAll = System.nanoTime();
                awaitAlerts(sink, burstFacts.keySet(), Duration.ofSeconds(300));
                long lastAlert = burstFacts.keySet().stream()
                        .mapToLong(sink::arrivalOf)
                        .max()
                        .orElseThrow();

                progress.say(String.format("baseline: %,d signed POSTs of alert bodies to the same receiver", burst));
                double plainPerSecond = plainPosts(sink, burst);

                long received = sink.alerts();
                int measures = sink.measuresAlerted();
                System.out.println();
                System.out.printf(
                        "latency from the API's answer to the webhook's arrival, %,d facts at %,d/s:%n", facts, rate);
                System.out.printf(
                        "  p50 %s   p95 %s   p99 %s   max %s%n",
                        millis(percentile(latencies, 50)),
                        millis(percentile(latencies, 95)),
                        millis(percentile(latencies, 99)),
                        millis(latencies[latencies.length - 1]));
                double burstSeconds = (lastAlert - burstStart) / 1e9;
                System.out.printf(
                        "throughput: %,d facts posted in %.2f s (%,.0f/s); their %,d alerts delivered in %.2f s:"
                                + " %,.0f alerts/s%n",
                        burst,
                        (postedAll - burstStart) / 1e9,
                        burst / ((postedAll - burstStart) / 1e9),
                        burst,
                        burstSeconds,
                        burst / burstSeconds);
                System.out.printf(
                        "baseline: plain signed POSTs from %d threads to the same receiver: %,.0f/s; ratio %.3f%n",
                        POSTING_THREADS, plainPerSecond, burst / burstSeconds / plainPerSecond);
                System.out.printf(
                        "receiver: %,d alerts about %,d measures (%,d repeats)%n",
                        received, measures, received - measures);
                System.out.println(memory.report("the Kafka broker and the receiver"));
            }
        }
        progress.say("servers stopped, temporary files deleted");
    }

    private void subscribe(WebhookSink sink) throws IOException, InterruptedException {
        JsonNode account =
                post("/api/admin/accounts", "{\"id\": \"bench\", \"email\": \"bench@example.org\"}", OPERATOR_TOKEN);
        token = account.get("token").asText();
        JsonNode endpoint = post("/api/webhooks", "{\"url\": \"" + sink.url(WebhookSink.ALERTS) + "\"}", token);
        post(
                "/api/subscriptions",
                "{\"follow\": {\"kind\": \"BILL\"}, \"when\": [{\"on\": \"STATUS_CHANGED\"}], \"webhook\": \""
                        + endpoint.get("id").asText() + "\"}",
                token);
    }

    /**
     * Posts new bills at a steady rate (or as fast as possible) from several threads.
     *
     * @return each bill's id and when the API answered for it
     */
    private Map<String, Long> postAtRate(int facts, int perSecond) throws InterruptedException {
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        ExecutorService posting = Executors.newFixedThreadPool(POSTING_THREADS);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger scheduled = new AtomicInteger();
        try (Progress.Report report =
                progress.reportWhile(() -> String.format("%,d of %,d facts accepted", accepted.size(), facts))) {
            if (perSecond == Integer.MAX_VALUE) {
                for (int i = 0; i < facts; i++) {
                    posting.execute(() -> postBill(accepted));
                }
            } else {
                long period = 1_000_000_000L / perSecond;
                pacer.scheduleAtFixedRate(
                        () -> {
                            if (scheduled.incrementAndGet() <= facts) {
                                posting.execute(() -> postBill(accepted));
                            }
                        },
                        0,
                        period,
                        TimeUnit.NANOSECONDS);
                while (scheduled.get() < facts) {
                    Thread.sleep(50);
                }
                pacer.shutdown();
            }
            posting.shutdown();
            posting.awaitTermination(10, TimeUnit.MINUTES);
        } finally {
            pacer.shutdownNow();
        }
        if (accepted.size() != facts) {
            throw new IllegalStateException("the API accepted " + accepted.size() + " of " + facts + " facts");
        }
        return accepted;
    }

    private void postBill(Map<String, Long> accepted) {
        String billId = "hr" + nextBill.incrementAndGet() + "-119";
        try {
            post(
                    "/api/bills",
                    "{\"billId\": \"" + billId + "\", \"title\": \"Alert benchmark bill\", \"introducedOn\":"
                            + " \"2026-01-05\"}",
                    OPERATOR_TOKEN);
            accepted.put(billId, System.nanoTime());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("posting " + billId + " failed", e);
        }
    }

    private JsonNode post(String path, String body, String bearer) throws IOException, InterruptedException {
        return Created.by(http, base + path, body, bearer);
    }

    private void awaitAlerts(WebhookSink sink, Iterable<String> measures, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<String> waiting = new ArrayList<>();
        measures.forEach(waiting::add);
        try (Progress.Report report =
                progress.reportWhile(() -> String.format("%,d alerts still to arrive", waiting.size()))) {
            while (!waiting.isEmpty()) {
                waiting.removeIf(measure -> sink.arrivalOf(measure) != null);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(waiting.size() + " alerts did not arrive within " + atMost);
                }
                Thread.sleep(20);
            }
        }
    }

    /** Signed POSTs of alert-sized bodies straight to the receiver, from as many threads as post facts. */
    private double plainPosts(WebhookSink sink, int count) throws InterruptedException {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        ExecutorService posting = Executors.newFixedThreadPool(POSTING_THREADS);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            posting.execute(() -> {
                String id = "msg_" + UUID.randomUUID();
                String body = "{\"type\":\"measure.status_changed\",\"data\":{\"measure\":{\"id\":\"plain" + n
                        + "\",\"kind\":\"BILL\",\"title\":\"Alert benchmark bill\",\"status\":\"INTRODUCED\"}}}";
                long timestamp = System.currentTimeMillis() / 1000;
                try {
                    http.send(
                            HttpRequest.newBuilder(URI.create(sink.url("/plain")))
                                    .header("Content-Type", "application/json")
                                    .header("webhook-id", id)
                                    .header("webhook-timestamp", Long.toString(timestamp))
                                    .header(
                                            "webhook-signature",
                                            "v1," + hmac(secret, id + "." + timestamp + "." + body))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        posting.shutdown();
        posting.awaitTermination(10, TimeUnit.MINUTES);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static String hmac(String secret, String content) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    java.util.Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            return java.util.Base64.getEncoder()
                    .encodeToString(mac.doFinal(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String millis(long nanos) {
        return String.format("%,.0f ms", nanos / 1e6);
    }
}
