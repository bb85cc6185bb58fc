package org.tracker.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** The embedded broker's settings, with a partition count for topics created without one. */
    private static String properties(Path home, int brokerPort, int controllerPort, int partitions) {
        Map<String, String> settings =
                new TreeMap<>(EmbeddedKafkaServer.settings(home.resolve("data"), brokerPort, controllerPort));
        settings.put("num.partitions", String.valueOf(partitions));
        // Tests give consumers short sessions, so that a killed instance's partitions move within seconds.
        settings.put("group.min.session.timeout.ms", "2000");
        return settings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
