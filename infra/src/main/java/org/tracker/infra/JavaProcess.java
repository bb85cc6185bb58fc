package org.tracker.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, with this JVM's classpath unless told otherwise, its standard output and error
 * appended to one log file. Tests use it for what two servers in one JVM cannot show: a crash ({@link #kill()}), a
 * graceful stop ({@link #stop()}), consumers whose sessions time out.
 *
 * <p>The main class is named by a string so that a module can start another module's application without depending
 * on it.
 */
public final class JavaProcess implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logStart;
    /** A test JVM that ends without stopping its children must not leave them running, holding ports and memory. */
    private final Thread shutdownHook;

    private JavaProcess(String name, Process process, Path logFile, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
        this.shutdownHook = new Thread(process::destroyForcibly, name + "-reaper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code mainClass} on {@code classpath}; the log file is appended to, so that a restart keeps the earlier
     * runs' lines before its own.
     *
     * @param name what to call the process in messages
     * @param environment added to this JVM's environment
     */
    public static JavaProcess start(
            String name,
            String mainClass,
            List<String> classpath,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment,
            Path logFile)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.addAll(JvmClasspath.mainClassArguments(classpath, mainClass));
        command.addAll(arguments);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logFile.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        return new JavaProcess(name, builder.start(), logFile, logStart);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Waits until this run's log holds {@code text}.
     *
     * @throws IllegalStateException if the process ends or the time runs out first, with the log's last lines
     */
    public void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ownLog().contains(text)) {
            if (!process.isAlive()) {
                throw failure("ended (exit code " + process.exitValue() + ") before logging '" + text + "'");
            }
            if (System.nanoTime() > deadline) {
                throw failure("did not log '" + text + "' within " + timeout);
            }
            pause();
        }
    }

    /**
     * Waits until the process ends by itself and returns its exit code.
     *
     * @throws IllegalStateException if it is still running after {@code timeout}; it is then killed
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                IllegalStateException failure = failure("did not end within " + timeout);
                kill();
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to end", e);
        }
        forgetShutdownHook();
        return process.exitValue();
    }

    /** An exception naming this process, with what it said last, for a failure a test reports. */
    public IllegalStateException failure(String what) {
        return new IllegalStateException(
                name + " (pid " + pid() + ") " + what + "; the end of " + logFile + ":\n" + logTail());
    }

    /** What this run logged so far. */
    public String log() {
        return ownLog();
    }

    /** The last lines this run logged. */
    public String logTail() {
        List<String> lines = ownLog().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /** Asks the process to stop (SIGTERM, so its shutdown hooks run) and waits until it has. */
    public void stop() {
        process.destroy();
        awaitStopped();
    }

    /** Ends the process at once (SIGKILL): no shutdown hook runs, as in a crash or a power cut. */
    public void kill() {
        process.destroyForcibly();
        awaitStopped();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitStopped() {
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to stop", e);
        }
        forgetShutdownHook();
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down.
        }
    }

    private String ownLog() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length() - logStart;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, Integer.MAX_VALUE - 8)];
            file.seek(logStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
