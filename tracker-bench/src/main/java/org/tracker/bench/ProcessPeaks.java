package org.tracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The peak resident set of JVMs the benchmark runs as processes of their own. Each one's own high-water mark (VmHWM)
 * starts again when it is restarted, so it is read every second and the highest reading kept.
 */
final class ProcessPeaks implements AutoCloseable {

    private final Map<String, LongSupplier> pids;
    private final Map<String, Long> peakKilobytes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-process-memory");
        thread.setDaemon(true);
        return thread;
    });

    /** @param pids each process's name and how to find its current pid, which changes when it is restarted */
    ProcessPeaks(Map<String, LongSupplier> pids) {
        this.pids = new LinkedHashMap<>(pids);
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** Such as "tracker a 290 MB, tracker b 281 MB, Kafka broker 402 MB". */
    String report() {
        return pids.keySet().stream()
                .map(name -> String.format("%s %,d MB", name, peakKilobytes.getOrDefault(name, 0L) / 1024))
                .collect(Collectors.joining(", "));
    }

    private void sample() {
        pids.forEach((name, pid) -> {
            long kilobytes = highWaterMark(pid.getAsLong());
            peakKilobytes.merge(name, kilobytes, Math::max);
        });
    }

    private static long highWaterMark(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(
                            line.substring("VmHWM:".length()).trim().split("\\s+")[0]))
                    .findFirst()
                    .orElse(0);
        } catch (IOException | UncheckedIOException e) {
            // Killed, or between a stop and a start: nothing to read until it runs again.
            return 0;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
