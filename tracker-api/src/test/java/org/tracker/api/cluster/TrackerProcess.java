package org.tracker.api.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tracker.api.Api;
import org.tracker.infra.FreePort;
import org.tracker.infra.JavaProcess;
import org.tracker.infra.JvmClasspath;

/**
 * One tracker instance in a JVM of its own, as an operator would run it: {@code TrackerApplication} with its settings
 * on the command line, a home directory of its own, and a port chosen once, so that a restart answers where it did.
 */
final class TrackerProcess {

    private static final String MAIN_CLASS = "org.tracker.api.TrackerApplication";
    /** Two instances start at once on 2 cores that other builds share. */
    private static final Duration READY_WAIT = Duration.ofMinutes(3);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** What Spring Boot logs when a start fails; the JVM may linger after it, on threads the failed start left. */
    private static final String START_FAILED = "Application run failed";

    private final String name;
    private final Path home;
    private final int port;
    private final List<String> arguments;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private JavaProcess process;

    private TrackerProcess(String name, Path home, int port, List<String> arguments) {
        this.name = name;
        this.home = home;
        this.port = port;
        this.arguments = arguments;
    }

    /** Starts an instance with {@code settings} (as {@code key=value}); it is ready after {@link #awaitReady()}. */
    static TrackerProcess launch(String name, List<String> settings) {
        try {
            Path home = Files.createTempDirectory("tracker-" + name + "-");
            int port = FreePort.pick();
            List<String> arguments = new ArrayList<>();
            arguments.add("--server.port=" + port);
            settings.forEach(setting -> arguments.add("--" + setting));
            TrackerProcess tracker = new TrackerProcess(name, home, port, List.copyOf(arguments));
            tracker.launch();
            return tracker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    Api api() {
        return new Api(port);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the instance's readiness probe answers 200. */
    void awaitReady() {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw process.failure("ended before it was ready");
            }
            if (process.log().contains(START_FAILED)) {
                throw process.failure(
                        "failed to start (its JVM is " + (process.isAlive() ? "still running" : "gone") + ")");
            }
            if (System.nanoTime() > deadline) {
                throw process.failure("was not ready within " + READY_WAIT);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A crash: SIGKILL, no shutdown hook, no goodbye to the consumer group or the token store. */
    void kill() {
        process.kill();
    }

    /** A graceful stop: SIGTERM, as a service manager sends it. */
    void stop() {
        process.stop();
    }

    /** Starts the instance again with the same settings and port, after a kill or a stop, and waits until it is ready. */
    void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    void close() {
        process.close();
    }

    boolean logged(String text) {
        return process.log().contains(text);
    }

    private void launch() throws IOException {
        process = JavaProcess.start(
                "tracker " + name,
                MAIN_CLASS,
                applicationClasspath(),
                List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                arguments,
                // Plain lines rather than ECS JSON in the log, for the failure messages that quote it.
                Map.of("TRACKER_HOME", home.toString(), "TRACKER_LOG_FORMAT", ""),
                home.resolve("tracker.log"));
    }

    /**
     * This JVM's classpath without the tests' own classes: the application scans its packages for components, and
     * would otherwise pick up the tests' configurations (fixed clocks among them) and their logback-test.xml.
     */
    private static List<String> applicationClasspath() {
        String tests = Path.of(URI.create(TrackerProcess.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toString()))
                .toString();
        return JvmClasspath.current().stream()
                .filter(entry -> !Path.of(entry).toString().equals(tests))
                .toList();
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
