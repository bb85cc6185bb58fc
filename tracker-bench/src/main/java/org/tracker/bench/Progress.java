package org.tracker.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lines on standard output, each with the time since the run began; while a long step runs, one every few seconds
 * says how far it got, so a slow run is told apart from a stuck one.
 */
final class Progress {

    private static final long REPORT_EVERY_SECONDS = 5;

    private final long startNanos = System.nanoTime();

    void say(String message) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - startNanos) / 1e9, message);
        System.out.flush();
    }

    /** Says {@code status} every few seconds until the returned report is closed. */
    Report reportWhile(Supplier<String> status) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(
                () -> say(status.get()), REPORT_EVERY_SECONDS, REPORT_EVERY_SECONDS, TimeUnit.SECONDS);
        return timer::shutdownNow;
    }

    /** Stops the reports of one step. */
    interface Report extends AutoCloseable {
        @Override
        void close();
    }
}
