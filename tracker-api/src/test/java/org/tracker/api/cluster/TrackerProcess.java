package org.tracker.api.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tracker.api.Api;
import org.tracker.infra.JvmClasspath;
import org.tracker.infra.SpringBootProcess;

/**
 * One tracker instance in a JVM of its own, as an operator would run it: {@code TrackerApplication} with its settings
 * on the command line, a home directory of its own, and a port chosen once, so that a restart answers where it did.
 */
final class TrackerProcess {

    private static final String MAIN_CLASS = "org.tracker.api.TrackerApplication";
    /** Two instances start at once on 2 cores that other builds share. */
    private static final Duration READY_WAIT = Duration.ofMinutes(3);

    private final String name;
    private final SpringBootProcess process;

    private TrackerProcess(String name, SpringBootProcess process) {
        this.name = name;
        this.process = process;
    }

    /** Starts an instance with {@code settings} (as {@code key=value}); it is ready after {@link #awaitReady()}. */
    static TrackerProcess launch(String name, List<String> settings) {
        Path home;
        try {
            home = Files.createTempDirectory("tracker-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TrackerProcess(
                name,
                SpringBootProcess.launch(
                        "tracker " + name,
                        MAIN_CLASS,
                        applicationClasspath(),
                        List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                        settings,
                        // Plain lines rather than ECS JSON in the log, for the failure messages that quote it.
                        Map.of("TRACKER_HOME", home.toString(), "TRACKER_LOG_FORMAT", ""),
                        home.resolve("tracker.log")));
    }

    String name() {
        return name;
    }

    Api api() {
        return new Api(process.port());
    }

    /** A page or route of this instance, as a browser addresses it. */
    URI url(String path) {
        return URI.create("http://localhost:" + process.port() + path);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the instance's readiness probe answers 200. */
    void awaitReady() {
        process.awaitReady(READY_WAIT);
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
        process.restart(READY_WAIT);
    }

    void close() {
        process.close();
    }

    boolean logged(String text) {
        return process.log().contains(text);
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
}
