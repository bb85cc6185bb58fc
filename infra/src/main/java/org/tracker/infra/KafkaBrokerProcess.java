package org.tracker.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka cluster in KRaft mode (broker and controller in one process) run as a JVM of its own from this
 * JVM's classpath, so that it outlives, and can be killed apart from, the clients a test starts.
 *
 * <p>Its configuration, data and log ({@code broker.log}) stay in one directory; {@link #restart()} starts it again on
 * that directory and the same ports, so clients reconnect to the same address. Topics created on first use get
 * the partition count given at start, and every replication factor is 1. Consumer groups may use session timeouts
 * down to 2 s, so that a test sees a crashed consumer's partitions move within seconds.
 *
 * <p>The broker logs through Logback, which must be on the classpath; it gets a configuration of its own, so that a
 * test's {@code logback-test.xml} (which may quieten Kafka) does not hide the line that says it has started.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String STARTED = "Kafka Server started";
    /** A first start on a busy 2-core machine, beside other builds, takes far longer than the 3.5 s seen at rest. */
    private static final Duration START_WAIT = Duration.ofSeconds(90);

    private static final String LOGBACK =
            """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="state.change.logger" level="WARN"/>
              <root level="INFO"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    private final Path directory;
    private final int port;
    private JavaProcess process;

    private KafkaBrokerProcess(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /**
     * Formats a new cluster in {@code directory} (which must not hold one yet) and starts it.
     *
     * @param partitions how many partitions a topic created on first use gets
     */
    public static KafkaBrokerProcess start(Path directory, int partitions) throws IOException {
        Path home = directory.toAbsolutePath();
        Files.createDirectories(home);
        int port = FreePort.pick();
        Files.writeString(home.resolve("server.properties"), properties(home, port, FreePort.pick(), partitions));
        Files.writeString(home.resolve("logback.xml"), LOGBACK);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(home, port);
        broker.format();
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Stops the broker cleanly (SIGTERM) and waits until it has. */
    public void stop() {
        process.stop();
    }

    /** Ends the broker at once (SIGKILL), as a crash would. */
    public void kill() {
        process.kill();
    }

    /** Starts the broker again, after a stop or a kill, on the same data and ports; returns once it serves. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("The broker in " + directory + " is still running");
        }
        launch();
    }

    @Override
    public void close() {
        process.close();
    }

    private void format() throws IOException {
        JavaProcess formatter = JavaProcess.start(
                "kafka-storage-format",
                "kafka.tools.StorageTool",
                JvmClasspath.current(),
                jvmOptions(),
                List.of(
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        directory.resolve("server.properties").toString()),
                Map.of(),
                directory.resolve("format.log"));
        int exitCode = formatter.awaitExit(START_WAIT);
        if (exitCode != 0) {
            throw formatter.failure("could not format " + directory + " (exit code " + exitCode + ")");
        }
    }

    private void launch() throws IOException {
        process = JavaProcess.start(
                "Kafka broker " + bootstrapServers(),
                "kafka.Kafka",
                JvmClasspath.current(),
                jvmOptions(),
                List.of(directory.resolve("server.properties").toString()),
                Map.of(),
                directory.resolve("broker.log"));
        try {
            process.awaitLog(STARTED, START_WAIT);
        } catch (IllegalStateException e) {
            process.kill();
            throw e;
        }
    }

    private List<String> jvmOptions() {
        return List.of(
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + directory.resolve("logback.xml"),
                "-Djava.awt.headless=true");
    }

    private static String properties(Path home, int brokerPort, int controllerPort, int partitions) {
        String broker = HOST + ":" + brokerPort;
        String controller = HOST + ":" + controllerPort;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@" + controller);
        settings.put("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
        settings.put("advertised.listeners", "PLAINTEXT://" + broker);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", home.resolve("data").toString());
        settings.put("num.partitions", String.valueOf(partitions));
        // One node: every replicated topic, the internal ones included, can have only one replica.
        settings.put("default.replication.factor", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        // A group's first member should not wait 3 s for members that may never come.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Tests give consumers short sessions, so that a killed instance's partitions move within seconds.
        settings.put("group.min.session.timeout.ms", "2000");
        // After a kill, the controller refuses the restarted broker until the dead one's session ends (9 s default).
        settings.put("broker.session.timeout.ms", "4000");
        settings.put("broker.heartbeat.interval.ms", "1000");
        settings.put("message.max.bytes", String.valueOf(EventSizeLimit.LARGEST_RECORD_BYTES));
        settings.put("replica.fetch.max.bytes", String.valueOf(EventSizeLimit.LARGEST_RECORD_BYTES));
        // A few clients on a 2-core machine that runs the clients too.
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("num.recovery.threads.per.data.dir", "1");
        settings.put("log.cleaner.threads", "1");
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        settings.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return settings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
