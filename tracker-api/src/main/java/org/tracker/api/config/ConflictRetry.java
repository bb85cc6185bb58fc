package org.tracker.api.config;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command again when it lost a race for its measure: another instance (or thread) appended to the measure
 * first, so the store refused this one's next sequence. The command is decided again on the measure's new state, after
 * a short pause that grows and is jittered so that two instances do not collide in step. Nothing else is retried: a
 * refused fact or an outage answers at once. Once the attempts are spent, the conflict answers 409.
 */
final class ConflictRetry implements RetryScheduler, AutoCloseable {

    /** Its own thread: a bean of this type would become the one Spring runs every scheduled task on. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-conflict-retry");
        thread.setDaemon(true);
        return thread;
    });

    private final int attempts;
    private final long firstPauseMillis;

    ConflictRetry(int attempts, long firstPauseMillis) {
        this.attempts = attempts;
        this.firstPauseMillis = firstPauseMillis;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable dispatchTask) {
        if (!lostARace(lastFailure) || failures.size() > attempts) {
            return false;
        }
        long pause = firstPauseMillis << Math.min(failures.size() - 1, 10);
        long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
        scheduler.schedule(dispatchTask, jittered, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
