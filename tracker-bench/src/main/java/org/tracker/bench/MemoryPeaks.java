package org.tracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Peak memory of the run. The JVM (which also hosts the Kafka broker) reports its own high-water mark. PostgreSQL runs
 * as a postmaster and its children, which share memory, so their proportional set sizes are summed, and since the
 * kernel keeps no high-water mark of a sum, it is sampled every second and the highest sample kept.
 */
final class MemoryPeaks implements AutoCloseable {

    private static final long SAMPLE_EVERY_MILLIS = 1_000;

    private final Path postmasterPidFile;
    private final AtomicLong postgresPeakKilobytes = new AtomicLong();
    private final AtomicLong postgresProcesses = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-memory");
        thread.setDaemon(true);
        return thread;
    });

    MemoryPeaks(Path postmasterPidFile) {
        this.postmasterPidFile = postmasterPidFile;
        sampler.scheduleAtFixedRate(this::samplePostgres, 0, SAMPLE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The JVM's peak resident set, VmHWM, in kilobytes. */
    static long jvmPeakKilobytes() {
        return kilobytesOf(Path.of("/proc/self/status"), "VmHWM:").orElse(0);
    }

    long postgresPeakKilobytes() {
        return postgresPeakKilobytes.get();
    }

    /**
     * The line every benchmark ends with.
     *
     * @param jvmAlsoHosts what runs in the benchmark's JVM besides the tracker
     */
    String report(String jvmAlsoHosts) {
        return String.format(
                "peak RSS: JVM %,d MB (VmHWM; it also hosts %s), PostgreSQL %,d MB (PSS of %d processes, highest of"
                        + " samples taken every second)",
                jvmPeakKilobytes() / 1024, jvmAlsoHosts, postgresPeakKilobytes() / 1024, postgresProcesses());
    }

    /** How many processes the peak sample summed. */
    long postgresProcesses() {
        return postgresProcesses.get();
    }

    private void samplePostgres() {
        try {
            List<String> lines = Files.readAllLines(postmasterPidFile);
            Optional<ProcessHandle> postmaster =
                    ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
            if (postmaster.isEmpty()) {
                return;
            }
            List<ProcessHandle> processes = Stream.concat(
                            postmaster.stream(), postmaster.get().descendants())
                    .toList();
            long kilobytes = processes.stream()
                    .mapToLong(process -> kilobytesOf(
                                    Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup"), "Pss:")
                            .orElse(0))
                    .sum();
            if (kilobytes > postgresPeakKilobytes.get()) {
                postgresPeakKilobytes.set(kilobytes);
                postgresProcesses.set(processes.size());
            }
        } catch (IOException e) {
            // The server has stopped and taken its pid file along: there is nothing left to sample.
        }
    }

    /** The kilobytes on the line of {@code file} that starts with {@code label}, if the process still exists. */
    private static OptionalLong kilobytesOf(Path file, String label) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(label))
                    .mapToLong(line ->
                            Long.parseLong(line.substring(label.length()).trim().split("\\s+")[0]))
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            // A process that ended between being listed and being read has no memory left to count.
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
