package org.tracker.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot application in a JVM of its own, as an operator would run it: its settings on the command line and a
 * port chosen once, so that a restart after a kill or a stop answers where it did. It counts as ready when its
 * readiness probe answers 200.
 */
public final class SpringBootProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** What Spring Boot logs when a start fails; the JVM may linger after it, on threads the failed start left. */
    private static final String START_FAILED = "Application run failed";

    private final String name;
    private final String mainClass;
    private final List<String> classpath;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path logFile;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private JavaProcess process;

    private SpringBootProcess(
            String name,
            String mainClass,
            List<String> classpath,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment,
            Path logFile,
            int port) {
        this.name = name;
        this.mainClass = mainClass;
        this.classpath = classpath;
        this.jvmOptions = jvmOptions;
        this.arguments = arguments;
        this.environment = environment;
        this.logFile = logFile;
        this.port = port;
    }

    /**
     * Starts {@code mainClass} on a free port with {@code settings} (as {@code key=value}); it is ready after {@link
     * #awaitReady(Duration)}.
     *
     * @param name what to call the process in messages
     * @param environment added to this JVM's environment
     * @param logFile where its standard output and error go, every run's after the previous one's
     */
    public static SpringBootProcess launch(
            String name,
            String mainClass,
            List<String> classpath,
            List<String> jvmOptions,
            List<String> settings,
            Map<String, String> environment,
            Path logFile) {
        int port = FreePort.pick();
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=" + port);
        settings.forEach(setting -> arguments.add("--" + setting));
        SpringBootProcess application = new SpringBootProcess(
                name,
                mainClass,
                List.copyOf(classpath),
                List.copyOf(jvmOptions),
                List.copyOf(arguments),
                Map.copyOf(environment),
                logFile,
                port);
        application.launch();
        return application;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What this run logged so far. */
    public String log() {
        return process.log();
    }

    /**
     * Waits until the readiness probe answers 200.
     *
     * @throws IllegalStateException if the application ends, fails to start or is not ready in time, with the end of
     *     its log
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw process.failure("ended before it was ready");
            }
            if (process.log().contains(START_FAILED)) {
                throw process.failure(
                        "failed to start (its JVM is " + (process.isAlive() ? "still running" : "gone") + ")");
            }
            if (System.nanoTime() > deadline) {
                throw process.failure("was not ready within " + timeout);
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
    public void kill() {
        process.kill();
    }

    /** A graceful stop: SIGTERM, as a service manager sends it. */
    public void stop() {
        process.stop();
    }

    /** Starts the application again with the same settings and port, after a kill or a stop, and waits until ready. */
    public void restart(Duration readyWait) {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        awaitReady(readyWait);
    }

    @Override
    public void close() {
        process.close();
    }

    private void launch() {
        try {
            process = JavaProcess.start(name, mainClass, classpath, jvmOptions, arguments, environment, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
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
