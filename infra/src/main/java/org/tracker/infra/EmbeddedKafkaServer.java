package org.tracker.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka 3.9 cluster in KRaft mode (one process acting as broker and controller) running inside this JVM,
 * with all its logs and metadata in one directory that survives it.
 *
 * <p>Clients connect to {@link #bootstrapServers()} over PLAINTEXT on the loopback interface. Topics are not created
 * on first use: create them explicitly, with replication factor 1.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String META_PROPERTIES = "meta.properties";
    /**
     * Kafka's own lock on the directory is taken by the broker, after the controller has already opened the metadata
     * log: a second server on the same directory would write to that log before failing.
     */
    private static final String LOCK_FILE = "embedded-kafka.lock";

    private final KafkaRaftServer server;
    private final FileLock lock;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * Ctrl-C on {@code ./tracker run} should stop the broker as cleanly as {@link #close()}: after an unclean stop the
     * next start recovers the logs and waits for the dead broker's session to expire.
     */
    private final Thread shutdownHook = new Thread(this::close, "embedded-kafka-shutdown");

    private EmbeddedKafkaServer(KafkaRaftServer server, FileLock lock, int port) {
        this.server = server;
        this.lock = lock;
        this.port = port;
    }

    /**
     * Starts the broker on {@code dataDirectory}, formatting it as a new cluster only if it holds none yet, and returns
     * once the broker accepts clients. Start it again on the same directory and port and clients that were connected
     * to the previous run reconnect to it.
     *
     * @param port the client port, or 0 for a free one; the controller always gets a free port of its own
     */
    public static EmbeddedKafkaServer start(Path dataDirectory, int port) throws IOException {
        Path logDirectory = dataDirectory.toAbsolutePath();
        Files.createDirectories(logDirectory);
        FileLock lock = FileLocks.tryLock(logDirectory.resolve(LOCK_FILE))
                .orElseThrow(() -> new IllegalStateException("Another Kafka server is running on " + logDirectory));
        try {
            int brokerPort = port == 0 ? FreePort.pick() : port;
            // With a static quorum the controller's address lives only in the configuration, so it may change per run.
            int controllerPort = FreePort.pick();
            KafkaConfig config = new KafkaConfig(settings(logDirectory, brokerPort, controllerPort), false);
            if (!Files.exists(logDirectory.resolve(META_PROPERTIES))) {
                format(logDirectory);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                // Release the threads and ports that the partial start took.
                server.shutdown();
                server.awaitShutdown();
                throw e;
            }
            log.info("Kafka broker on {}:{} serves {}", HOST, brokerPort, logDirectory);
            EmbeddedKafkaServer started = new EmbeddedKafkaServer(server, lock, brokerPort);
            Runtime.getRuntime().addShutdownHook(started.shutdownHook);
            return started;
        } catch (IOException | RuntimeException e) {
            lock.channel().close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Shuts the broker and controller down cleanly and waits until they have stopped and released the directory. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down, and this may be the hook itself.
            }
            server.shutdown();
            server.awaitShutdown();
            try {
                lock.channel().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void format(Path logDirectory) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    // Its progress messages go to standard output; the log line below says the same.
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDirectory.toString())
                    .addDirectory(logDirectory.toString())
                    .run();
        } catch (Exception e) {
            throw new IOException("Could not format Kafka storage in " + logDirectory, e);
        }
        log.info("Formatted {} as new Kafka cluster {}", logDirectory, clusterId);
    }

    /**
     * The settings of a single-node broker for the tracker on this kind of machine, shared with {@link
     * KafkaBrokerProcess}.
     */
    static Map<String, String> settings(Path logDirectory, int brokerPort, int controllerPort) {
        String brokerAddress = HOST + ":" + brokerPort;
        String controllerAddress = HOST + ":" + controllerPort;
        Map<String, String> settings = new HashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@" + controllerAddress);
        settings.put(
                "listeners",
                BROKER_LISTENER + "://" + brokerAddress + "," + CONTROLLER_LISTENER + "://" + controllerAddress);
        settings.put("advertised.listeners", BROKER_LISTENER + "://" + brokerAddress);
        settings.put(
                "listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", BROKER_LISTENER);
        settings.put("log.dirs", logDirectory.toString());
        settings.put("metadata.log.dir", logDirectory.toString());

        // One node: every replicated topic, including the internal ones, can have only one replica.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        // The internal topics' partition counts are fixed at creation; 50 each only costs files and memory here.
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        // Topics are part of the tracker's design, created on purpose, never by a typo in a consumer.
        settings.put("auto.create.topics.enable", "false");
        // A lone consumer should not wait 3 s for group members that are not coming.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // After a run that was killed, the controller refuses the new broker until the old one's session expires:
        // 9 s by default, which every restart after a crash would wait.
        settings.put("broker.session.timeout.ms", "4000");
        settings.put("broker.heartbeat.interval.ms", "1000");
        // A development server can stay stopped for weeks; Kafka's 7-day defaults would then silently drop both the
        // records and the committed offsets. Topics that want retention set it themselves.
        settings.put("log.retention.ms", "-1");
        settings.put("offsets.retention.minutes", String.valueOf(Integer.MAX_VALUE));

        // The tracker's largest event must fit, as one record and when a replica fetches it.
        settings.put("message.max.bytes", String.valueOf(EventSizeLimit.LARGEST_RECORD_BYTES));
        settings.put("replica.fetch.max.bytes", String.valueOf(EventSizeLimit.LARGEST_RECORD_BYTES));

        // Keep threads and memory small: a few clients on a 2-core machine, within a 1 GB budget for everything.
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("num.recovery.threads.per.data.dir", "1");
        settings.put("num.replica.fetchers", "1");
        settings.put("queued.max.requests", "100");
        settings.put("log.cleaner.threads", "1");
        settings.put("log.cleaner.dedupe.buffer.size", mebibytes(8));
        settings.put("log.segment.bytes", mebibytes(16));
        settings.put("log.index.size.max.bytes", mebibytes(1));
        settings.put("offsets.topic.segment.bytes", mebibytes(16));
        settings.put("transaction.state.log.segment.bytes", mebibytes(16));
        return settings;
    }

    private static String mebibytes(int count) {
        return String.valueOf(count * 1024 * 1024);
    }
}
