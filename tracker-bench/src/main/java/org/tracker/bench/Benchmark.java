package org.tracker.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.tracker.api.batch.CommandBatch;
import org.tracker.api.relay.KafkaRelay;

/**
 * {@code ./tracker bench}: one run on fresh embedded servers, in two steps.
 *
 * <ol>
 *   <li>Commands through Axon, one per transaction on one thread and on several, then a hundred per transaction
 *       through the tracker's {@link CommandBatch}, while the relay and the projection run as they do in production;
 *       beside them, the same stored rows inserted again with plain batched JDBC.
 *   <li>The relay replaying the whole store to a new topic while the projection applies it, then the projection alone
 *       reading that full topic again; beside them, the same payloads sent by a plain producer and read back by a
 *       plain consumer.
 * </ol>
 */
public final class Benchmark {

    private static final String LIVE_TOPIC = "bench.commands";
    private static final String REPLAY_TOPIC = "bench.replay";
    private static final String BASELINE_TOPIC = "bench.baseline";
    /** A hundred commands per transaction, ten bills' worth. */
    private static final int BILLS_PER_BATCH = 10;

    private final BenchOptions options;
    private final Progress progress = new Progress();

    private Benchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Axon 4.13 reports usage to AxonIQ and advertises its console unless told not to, as the tracker itself does.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        String which = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        int status = 0;
        try {
            switch (which) {
                case "alerts" -> AlertBenchmark.run(rest);
                case "faults" -> FaultBenchmark.run(rest);
                case "import" -> ImportBenchmark.run(rest);
                case "pages" -> PagesBenchmark.run(rest);
                case "replay" -> ReplayBenchmark.run(rest);
                default -> new Benchmark(BenchOptions.parse(args)).run();
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    switch (which) {
                        case "alerts" -> AlertBenchmark.USAGE;
                        case "faults" -> FaultOptions.USAGE;
                        case "import" -> ImportBenchmark.USAGE;
                        case "pages" -> PagesBenchmark.USAGE;
                        case "replay" -> ReplayBenchmark.USAGE;
                        default -> BenchOptions.USAGE;
                    });
            status = 2;
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // Axon keeps a non-daemon thread for the life of the JVM (AxonTaskJanitor, since 4.11), so the JVM would
        // never end by itself after the last context closed.
        System.exit(status);
    }

    private void run() throws Exception {
        int bills = (options.events() + CommandLoad.COMMANDS_PER_BILL - 1) / CommandLoad.COMMANDS_PER_BILL;
        progress.say("starting embedded PostgreSQL and Kafka");
        try (BenchServers servers = BenchServers.start();
                MemoryPeaks memory = new MemoryPeaks(servers.postmasterPidFile());
                KafkaTopics topics = new KafkaTopics(servers.bootstrapServers());
                Connection database = servers.connect()) {
            Delivery delivery = new Delivery(topics, database, progress);
            ResultTable table = new ResultTable();

            progress.say("starting the tracker on topic " + LIVE_TOPIC);
            Measurement oneThread;
            Measurement severalThreads;
            Measurement batched;
            Delivery.Arrival live;
            try (TrackerInstance tracker = TrackerInstance.start(servers, LIVE_TOPIC, options.trackerSettings())) {
                // Created long before it is used: a partition written to just after its topic was created can answer
                // NOT_LEADER_OR_FOLLOWER, which sends an idempotent producer into retries until it times out.
                topics.create(BASELINE_TOPIC, tracker.properties().partitions());
                CommandLoad load = new CommandLoad(tracker.commands());
                // As many commands again before the clock starts: the first thousands of commands in a new JVM run at
                // half the speed of later ones while the JIT compiles, which would make the single thread, measured
                // first, look slower than it is.
                progress.say(String.format(
                        "warming up: %,d commands on %d threads, not timed",
                        bills * CommandLoad.COMMANDS_PER_BILL, options.threads()));
                load.send(1, bills, options.threads());
                int firstBill = 1 + bills;
                oneThread =
                        sendCommands(load, "commands, 1 thread", bills, database, () -> load.send(firstBill, bills, 1));
                severalThreads = sendCommands(
                        load,
                        "commands, " + options.threads() + " threads",
                        bills,
                        database,
                        () -> load.send(firstBill + bills, bills, options.threads()));
                CommandBatch batch = tracker.commandBatch();
                batched = sendCommands(
                        load,
                        "commands, " + BILLS_PER_BATCH * CommandLoad.COMMANDS_PER_BILL + " per transaction",
                        bills,
                        database,
                        () -> load.sendInBatches(batch, firstBill + 2 * bills, bills, BILLS_PER_BATCH));
                long lastCommand = System.nanoTime();
                live = delivery.await(
                        "live relay and projection", LIVE_TOPIC, StoredEvent.count(database), lastCommand);
                progress.say(String.format(
                        "the last event reached Kafka %.2f s and the projection %.2f s after the last command",
                        live.onTopicSeconds(), live.projectedSeconds()));
            }

            List<StoredEvent> stored = StoredEvent.readAll(database);
            progress.say(
                    String.format("baseline: the %,d stored events inserted again with batched JDBC", stored.size()));
            Measurement jdbc = JdbcBaseline.insert(database, stored);
            table.add(oneThread, jdbc);
            table.add(severalThreads, jdbc);
            table.add(batched, jdbc);
            table.addBaseline(jdbc);

            progress.say("starting the tracker on topic " + REPLAY_TOPIC);
            Map<String, Object> producerSettings;
            Map<String, Object> consumerSettings;
            Delivery.Arrival replay;
            Measurement projectionAlone;
            try (TrackerInstance tracker = TrackerInstance.start(servers, REPLAY_TOPIC, options.trackerSettings())) {
                producerSettings = tracker.producerSettings();
                consumerSettings = tracker.consumerSettings();
                replay = replayStore(tracker, topics, database, delivery, stored.size());
                projectionAlone = reproject(tracker, topics, database, delivery, stored.size());
            }

            progress.say("baseline: the stored payloads sent by a plain producer to " + BASELINE_TOPIC);
            Measurement produced = KafkaBaseline.produce(producerSettings, BASELINE_TOPIC, stored);
            progress.say("baseline: read back by a plain consumer");
            Measurement consumed = KafkaBaseline.consume(consumerSettings, BASELINE_TOPIC, stored.size());
            table.add(new Measurement("store -> Kafka (relay)", stored.size(), replay.onTopicSeconds()), produced);
            table.addBaseline(produced);
            table.add(
                    new Measurement("store -> Kafka -> projection", stored.size(), replay.projectedSeconds()),
                    consumed);
            table.add(projectionAlone, consumed);
            table.addBaseline(consumed);

            System.out.println();
            table.print(System.out);
            System.out.println();
            if (replay.records() > stored.size()) {
                System.out.printf(
                        "the relay wrote %,d records for %,d events: it sent a batch again%n",
                        replay.records(), stored.size());
            }
            System.out.printf(
                    "live: the last event reached Kafka %.2f s and the projection %.2f s after the last command%n",
                    live.onTopicSeconds(), live.projectedSeconds());
            System.out.println(memory.report("the Kafka broker"));
            System.out.println("ratio = events/s of the path / events/s of its baseline, both measured in this run on"
                    + " the same stored events");
        }
        progress.say("servers stopped, temporary files deleted");
    }

    /** Sending commands, which a gateway call may interrupt. */
    private interface CommandSending {
        void run() throws InterruptedException;
    }

    private Measurement sendCommands(
            CommandLoad load, String path, int bills, Connection database, CommandSending sending)
            throws InterruptedException, SQLException {
        long commands = (long) bills * CommandLoad.COMMANDS_PER_BILL;
        long sentBefore = load.sent();
        long storedBefore = StoredEvent.count(database);
        progress.say(String.format("%s: %,d commands on %,d bills", path, commands, bills));
        long start = System.nanoTime();
        AtomicLong sentAtLastReport = new AtomicLong();
        AtomicLong lastReportNanos = new AtomicLong(start);
        try (Progress.Report report = progress.reportWhile(() -> {
            long now = System.nanoTime();
            long sent = load.sent() - sentBefore;
            double sinceLastReport =
                    (sent - sentAtLastReport.getAndSet(sent)) / ((now - lastReportNanos.getAndSet(now)) / 1e9);
            return String.format(
                    "%s: %,d of %,d commands, %,.0f/s so far, %,.0f/s since the last line",
                    path, sent, commands, sent / ((now - start) / 1e9), sinceLastReport);
        })) {
            sending.run();
        }
        long end = System.nanoTime();
        long appended = StoredEvent.count(database) - storedBefore;
        return new Measurement(path, appended, (end - start) / 1e9);
    }

    /**
     * Lets the relay replay the whole store, the way a new relay or a new topic would. This tracker's relay starts
     * where the previous tracker's stopped, with nothing to send; it is stopped, its position and the projection's
     * rows are deleted, and the clock starts as it starts again from the tail of the store. Spring's start-up stays
     * out of the figures.
     */
    private Delivery.Arrival replayStore(
            TrackerInstance tracker, KafkaTopics topics, Connection database, Delivery delivery, long events)
            throws Exception {
        EventProcessor relay = tracker.relay();
        relay.shutDown();
        long early = topics.records(REPLAY_TOPIC);
        if (early != 0) {
            throw new IllegalStateException("the relay sent " + early + " events to " + REPLAY_TOPIC
                    + " before the replay began; the previous tracker had not relayed everything");
        }
        try (Statement delete = database.createStatement()) {
            delete.executeUpdate("delete from tokenentry where processorname = '" + KafkaRelay.PROCESSING_GROUP + "'");
            delete.executeUpdate("delete from measure");
        }
        progress.say(String.format(
                "store -> Kafka -> projection: the relay replays %,d events to %s", events, REPLAY_TOPIC));
        long start = System.nanoTime();
        relay.start();
        Delivery.Arrival arrival = delivery.await("store -> Kafka -> projection", REPLAY_TOPIC, events, start);
        progress.say(String.format(
                "replayed: all on the topic after %.2f s, all projected after %.2f s",
                arrival.onTopicSeconds(), arrival.projectedSeconds()));
        return arrival;
    }

    /**
     * The projection alone, reading a topic that already holds every event, as after a rebuild of the measure table:
     * stopped, its rows and its group's offsets cleared, and started again. The clock includes joining the group.
     */
    private Measurement reproject(
            TrackerInstance tracker, KafkaTopics topics, Connection database, Delivery delivery, long events)
            throws Exception {
        MessageListenerContainer projection = tracker.projection();
        projection.stop();
        topics.rewind(projection.getGroupId(), REPLAY_TOPIC);
        try (Statement delete = database.createStatement()) {
            delete.executeUpdate("delete from measure");
        }
        progress.say(String.format("Kafka -> projection: the projection reads the %,d events again", events));
        long start = System.nanoTime();
        projection.start();
        Delivery.Arrival arrival = delivery.await("Kafka -> projection", REPLAY_TOPIC, events, start);
        return new Measurement("Kafka -> projection (topic full)", events, arrival.projectedSeconds());
    }
}
