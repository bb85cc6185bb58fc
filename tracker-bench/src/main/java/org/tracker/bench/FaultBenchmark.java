package org.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.tracker.bench.AlertReceiver.Delivery;
import org.tracker.bench.FactLoad.Fact;
import org.tracker.bench.FaultOptions.Fault;
import org.tracker.infra.SpringBootProcess;

/**
 * {@code ./tracker bench faults}: what a fault does to facts and their alerts, with two tracker instances, a Kafka
 * broker and PostgreSQL each in processes of their own and a real webhook receiver subscribed to every action. For each
 * fault, facts are posted at a steady rate to both instances, the fault strikes in the middle, and once the posting has
 * stopped and the rest has settled, each acknowledged fact is looked for in the event store, the measure projection
 * and the receiver's alerts.
 */
final class FaultBenchmark {

    private static final String OPERATOR_TOKEN = "bench-" + UUID.randomUUID();
    /** Enough bills per instance that a second of facts touches every partition. */
    private static final int BILLS_PER_INSTANCE = 12;

    private static final long SETTLE_POLL_MILLIS = 1_000;
    /** How much longer the recovery figure may take once everything else has settled. */
    private static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(5);

    private final FaultOptions options;
    private final Progress progress = new Progress();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final List<String> notes = new ArrayList<>();

    private FaultBenchmark(FaultOptions options) {
        this.options = options;
    }

    static void run(String[] args) throws Exception {
        new FaultBenchmark(FaultOptions.parse(args)).run();
    }

    /** What a scenario's fault took: how long it lasted, and the watch timing the recovery from it. */
    private record Struck(double seconds, RecoveryWatch recovery) {}

    private void run() throws Exception {
        try (AlertReceiver receiver = new AlertReceiver();
                FaultCluster cluster = FaultCluster.start(OPERATOR_TOKEN, options.trackerSettings(), progress);
                MemoryPeaks postgresMemory = new MemoryPeaks(cluster.postmasterPidFile());
                ProcessPeaks jvmMemory = new ProcessPeaks(processes(cluster))) {
            String base = "http://127.0.0.1:" + cluster.a().port();
            subscribe(base, receiver);
            FactLoad load = new FactLoad(http, targets(cluster), OPERATOR_TOKEN, options.rate());
            FactStore store = new FactStore(cluster);
            FaultTable table = new FaultTable();
            for (Fault fault : options.faults()) {
                table.add(measure(fault, cluster, receiver, load, store));
            }

            System.out.println();
            table.print(System.out);
            System.out.println();
            notes.forEach(System.out::println);
            System.out.println("acked: answered 2xx; stored, projected, alerted: of the acked facts; late: acked, not"
                    + " alerted yet, the alert waiting for its next attempt; lost s/p/a: acked but not stored / not"
                    + " projected / neither alerted nor late, after settling; dup ids: deliveries repeating a"
                    + " webhook-id; dup alr: facts alerted under more than one webhook-id; recover s: from the fault's"
                    + " end (kill: from the kill) until the facts acked in the first second after it were projected"
                    + " and alerted");
            System.out.println("peak RSS: " + jvmMemory.report() + ", PostgreSQL "
                    + String.format("%,d MB", postgresMemory.postgresPeakKilobytes() / 1024) + " (PSS of "
                    + postgresMemory.postgresProcesses() + " processes), this JVM "
                    + String.format("%,d MB", MemoryPeaks.jvmPeakKilobytes() / 1024)
                    + " (the load and the receiver); highest of samples taken every second");
        }
        progress.say("processes stopped, temporary files deleted");
    }

    private FaultTable.Row measure(
            Fault fault, FaultCluster cluster, AlertReceiver receiver, FactLoad load, FactStore store)
            throws Exception {
        long afterIndex = store.lastIndex();
        progress.say(String.format(
                "%s: %d facts/s to both instances, %d s before the fault",
                fault.key(), options.rate(), options.before().toSeconds()));
        load.start(fault.key());
        Thread.sleep(options.before().toMillis());
        Struck struck = strike(fault, cluster, receiver, load, store);
        progress.say(String.format(
                "%s: over after %.1f s; %d s more of facts",
                fault.key(), struck.seconds(), options.after().toSeconds()));
        Thread.sleep(options.after().toMillis());
        load.stop();
        List<Fact> facts = load.facts();
        progress.say(String.format(
                "%s: %,d facts posted; waiting up to %d s for them to be stored, projected and alerted",
                fault.key(), facts.size(), options.settle().toSeconds()));
        FaultTable.Row row = settle(fault, facts, struck, receiver, store, afterIndex);
        progress.say(String.format(
                "%s: %,d acknowledged, %,d stored, %,d projected, %,d alerted",
                fault.key(), row.acknowledged(), row.stored(), row.projected(), row.alerted()));
        return row;
    }

    /** Strikes the fault and repairs it; returns once the tracker's parts all run again. */
    private Struck strike(Fault fault, FaultCluster cluster, AlertReceiver receiver, FactLoad load, FactStore store)
            throws Exception {
        // Facts posted from here on are stored above it: the recovery watch reads only those, several times a second.
        long indexBefore = store.lastIndex();
        long start = System.nanoTime();
        RecoveryWatch recovery = null;
        switch (fault) {
            case NONE -> {}
            case KILL -> {
                progress.say("kill: kill -9 of tracker b, then its restart");
                cluster.b().kill();
                recovery = RecoveryWatch.from(System.nanoTime(), load, store, indexBefore, receiver);
                cluster.restart(cluster.b());
            }
            case BROKER_STOP -> {
                progress.say("broker-stop: SIGTERM to the broker, started again after "
                        + options.brokerDown().toSeconds() + " s");
                cluster.broker().stop();
                Thread.sleep(options.brokerDown().toMillis());
                cluster.broker().restart();
            }
            case BROKER_KILL -> {
                progress.say("broker-kill: kill -9 of the broker, started again after "
                        + options.brokerDown().toSeconds() + " s");
                cluster.broker().kill();
                Thread.sleep(options.brokerDown().toMillis());
                cluster.broker().restart();
            }
            case DATABASE -> {
                progress.say("database: PostgreSQL stopped, started again after "
                        + options.databaseDown().toSeconds() + " s");
                cluster.stopDatabase();
                Thread.sleep(options.databaseDown().toMillis());
                cluster.startDatabase();
            }
            case RECEIVER -> {
                progress.say(
                        "receiver: answers 503 for " + options.receiverDown().toSeconds() + " s");
                receiver.refuse();
                Thread.sleep(options.receiverDown().toMillis());
                receiver.accept();
            }
        }
        long end = System.nanoTime();
        if (recovery == null) {
            recovery = RecoveryWatch.from(end, load, store, indexBefore, receiver);
        }
        return new Struck((end - start) / 1e9, recovery);
    }

    /**
     * Waits until every acknowledged fact is stored, projected and alerted, or the settling time is up, then counts.
     */
    private FaultTable.Row settle(
            Fault fault, List<Fact> facts, Struck struck, AlertReceiver receiver, FactStore store, long afterIndex)
            throws InterruptedException {
        List<Fact> acknowledged = facts.stream().filter(Fact::acknowledged).toList();
        long deadline = System.nanoTime() + options.settle().toNanos();
        Map<String, Boolean> stored = Map.of();
        while (true) {
            try {
                stored = store.stored(afterIndex);
            } catch (SQLException e) {
                // Still starting after a stop: asked again below.
            }
            Map<String, Boolean> seen = stored;
            boolean whole = acknowledged.stream()
                    .allMatch(fact -> seen.getOrDefault(fact.text(), false) && receiver.arrivalOf(fact.text()) != null);
            if (whole || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(SETTLE_POLL_MILLIS);
        }
        OptionalDouble recovery = struck.recovery().seconds(RECOVERY_PATIENCE);

        Map<String, Boolean> found = stored;
        Set<String> notAlerted = acknowledged.stream()
                .map(Fact::text)
                .filter(text -> receiver.arrivalOf(text) == null)
                .collect(Collectors.toSet());
        Set<String> late;
        try {
            late = store.awaitingRetry(notAlerted);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL did not answer after settling", e);
        }
        Set<String> texts = facts.stream().map(Fact::text).collect(Collectors.toSet());
        List<Delivery> deliveries = receiver.deliveriesOf(texts);
        Map<String, Set<String>> idsByFact = new HashMap<>();
        Set<String> ids = new HashSet<>();
        deliveries.forEach(delivery -> {
            ids.add(delivery.webhookId());
            idsByFact.computeIfAbsent(delivery.fact(), fact -> new HashSet<>()).add(delivery.webhookId());
        });
        int repeatedAlerts =
                (int) idsByFact.values().stream().filter(set -> set.size() > 1).count();

        List<Fact> refused = facts.stream().filter(fact -> !fact.acknowledged()).toList();
        long storedAnyway =
                refused.stream().filter(fact -> found.containsKey(fact.text())).count();
        notes.add(String.format(
                "%s: answers %s%s",
                fault.key(),
                FactLoad.outcomes(facts),
                storedAnyway == 0
                        ? ""
                        : String.format("; %,d not acknowledged but stored all the same", storedAnyway)));
        return new FaultTable.Row(
                label(fault),
                struck.seconds(),
                facts.size(),
                acknowledged.size(),
                (int) acknowledged.stream()
                        .filter(fact -> found.containsKey(fact.text()))
                        .count(),
                (int) acknowledged.stream()
                        .filter(fact -> found.getOrDefault(fact.text(), false))
                        .count(),
                acknowledged.size() - notAlerted.size(),
                late.size(),
                deliveries.size() - ids.size(),
                repeatedAlerts,
                recovery);
    }

    private String label(Fault fault) {
        return switch (fault) {
            case NONE -> "none (baseline)";
            case KILL -> "kill -9 tracker b";
            case BROKER_STOP -> "broker SIGTERM";
            case BROKER_KILL -> "broker kill -9";
            case DATABASE -> "database stopped";
            case RECEIVER -> "receiver 503";
        };
    }

    /** An account of the benchmark's own, a webhook endpoint at the receiver, and a subscription to every action. */
    private void subscribe(String base, AlertReceiver receiver) throws IOException, InterruptedException {
        String token = post(
                        base,
                        "/api/admin/accounts",
                        "{\"id\": \"bench\", \"email\": \"bench@example.org\"}",
                        OPERATOR_TOKEN)
                .get("token")
                .asText();
        String endpoint = post(base, "/api/webhooks", "{\"url\": \"" + receiver.url() + "\"}", token)
                .get("id")
                .asText();
        post(
                base,
                "/api/subscriptions",
                "{\"follow\": {\"kind\": \"BILL\"}, \"when\": [{\"on\": \"ACTION_RECORDED\"}], \"webhook\": \""
                        + endpoint + "\"}",
                token);
    }

    /** Each instance with bills of its own, introduced before the first scenario. */
    private List<FactLoad.Target> targets(FaultCluster cluster) throws IOException, InterruptedException {
        List<FactLoad.Target> targets = new ArrayList<>();
        int number = 90_000;
        for (SpringBootProcess tracker : cluster.trackers()) {
            String base = "http://127.0.0.1:" + tracker.port();
            List<String> bills = new ArrayList<>();
            for (int n = 0; n < BILLS_PER_INSTANCE; n++) {
                String billId = "hr" + ++number + "-119";
                post(
                        base,
                        "/api/bills",
                        "{\"billId\": \"" + billId + "\", \"title\": \"Fault benchmark bill\", \"introducedOn\":"
                                + " \"2026-01-05\"}",
                        OPERATOR_TOKEN);
                bills.add(billId);
            }
            targets.add(new FactLoad.Target(tracker.name(), base, List.copyOf(bills)));
        }
        return targets;
    }

    private static Map<String, LongSupplier> processes(FaultCluster cluster) {
        Map<String, LongSupplier> processes = new LinkedHashMap<>();
        cluster.trackers().forEach(tracker -> processes.put(tracker.name(), tracker::pid));
        processes.put("Kafka broker", cluster.broker()::pid);
        return processes;
    }

    private JsonNode post(String base, String path, String body, String bearer)
            throws IOException, InterruptedException {
        return Created.by(http, base + path, body, bearer);
    }
}
