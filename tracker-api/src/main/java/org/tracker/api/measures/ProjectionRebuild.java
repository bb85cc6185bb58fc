package org.tracker.api.measures;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tracker.core.measure.SequencedEvent;

/**
 * Rebuilds the measure projection from the event store, never from Kafka, so a rebuild sends no alert. The events are
 * folded into a table made like the live one while the live one goes on answering and being fed. At the end, with the
 * live table locked against the projection's writes (reads go on), the rebuilt table catches up with the store, both
 * are checksummed and compared, and the rebuilt content replaces the live content in the same transaction: readers see
 * the old rows until it commits and the new ones after.
 */
@Component
public class ProjectionRebuild {

    /** The one projection a rebuild knows: the measure table dashboards read. */
    public static final String MEASURES = "measures";

    static final String SHADOW = "measure_rebuild";

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final int BATCH = 1_000;
    private static final long REPORT_EVERY_NANOS = 5_000_000_000L;
    private static final int DIFFERENCES_SHOWN = 10;

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * Where a rebuild is: events read of about how many (the store's highest position when it began), and at the end
     * the comparison.
     */
    public record Status(
            String projection,
            State state,
            boolean replace,
            Instant startedAt,
            Instant finishedAt,
            long eventsRead,
            long storeHead,
            double eventsPerSecond,
            Outcome outcome,
            String error) {}

    /**
     * @param equal whether the rebuilt rows are the live rows, checksummed at the same moment
     * @param differingMeasures the first measures whose rows differ, in id order
     * @param replaced whether the live rows were rewritten (only when asked and different)
     */
    public record Outcome(
            ProjectionChecksum live,
            ProjectionChecksum rebuilt,
            boolean equal,
            List<String> differingMeasures,
            boolean replaced) {}

    /** A rebuild is asked for while one runs. */
    public static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("A rebuild of the measure projection is already running; follow it with GET on the same path.");
        }
    }

    private final MeasureEvents events;
    private final MeasureTable live;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicReference<Status> latest = new AtomicReference<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuild(
            MeasureEvents events,
            MeasureTable live,
            TransactionTemplate transaction,
            DataSource dataSource,
            Clock clock) {
        this.events = events;
        this.live = live;
        this.transaction = transaction;
        this.jdbc = new JdbcTemplate(dataSource);
        // Checksums read whole tables; PostgreSQL's driver then holds only this many rows at a time.
        this.jdbc.setFetchSize(BATCH);
        this.clock = clock;
    }

    /** Starts a rebuild in the background and answers at once. */
    public Status start(boolean replace) {
        Status begun = begin(replace);
        runner.execute(() -> run(begun));
        return begun;
    }

    /** Rebuilds on the calling thread, for a caller that waits anyway. */
    public Status rebuild(boolean replace) {
        return run(begin(replace));
    }

    public Optional<Status> status() {
        return Optional.ofNullable(latest.get());
    }

    /** The live projection's checksum now. */
    public ProjectionChecksum checksum() {
        return transaction.execute(status -> checksum(MeasureTable.LIVE));
    }

    private synchronized Status begin(boolean replace) {
        Status current = latest.get();
        if (current != null && current.state() == State.RUNNING) {
            throw new AlreadyRunning();
        }
        Status begun =
                new Status(MEASURES, State.RUNNING, replace, clock.instant(), null, 0, events.head(), 0, null, null);
        latest.set(begun);
        return begun;
    }

    private Status run(Status begun) {
        long start = System.nanoTime();
        log.info("rebuild of the {} projection started: about {} events to read", MEASURES, begun.storeHead());
        try {
            jdbc.execute("drop table if exists " + SHADOW);
            jdbc.execute("create table " + SHADOW + " (like " + MeasureTable.LIVE + " including all)");
            MeasureTable shadow = live.named(SHADOW);
            Progress progress = new Progress(begun, start);
            TrackingToken readTo = fold(null, shadow, progress, true);
            Outcome outcome = transaction.execute(status -> {
                // Blocks the live projection's writes, not reads, until the comparison and the replacement commit.
                jdbc.execute("lock table " + MeasureTable.LIVE + " in exclusive mode");
                fold(readTo, shadow, progress, false);
                return compare(begun.replace());
            });
            jdbc.execute("drop table " + SHADOW);
            Status done = finish(begun, State.DONE, progress.read, start, outcome, null);
            log.info(
                    "rebuild of the {} projection done: {} events in {} s, {} rows, {}, checksum {}",
                    MEASURES,
                    progress.read,
                    String.format("%.1f", (System.nanoTime() - start) / 1e9),
                    outcome.rebuilt().rows(),
                    outcome.equal()
                            ? "equal to the live rows"
                            : "differing from the live rows in " + outcome.differingMeasures()
                                    + (outcome.replaced() ? ", which it replaced" : ""),
                    outcome.rebuilt().sha256());
            return done;
        } catch (RuntimeException e) {
            log.error("rebuild of the {} projection failed", MEASURES, e);
            Status current = latest.get();
            return finish(begun, State.FAILED, current.eventsRead(), start, null, e.getMessage());
        }
    }

    /**
     * Folds every measure event after the token into the shadow table, a thousand at a time.
     *
     * @param ownTransactions whether each batch commits on its own (while the live table is not locked) or joins the
     *     caller's transaction
     * @return the token of the last event read, to go on from
     */
    private TrackingToken fold(TrackingToken after, MeasureTable shadow, Progress progress, boolean ownTransactions) {
        TrackingToken last = after;
        try (Stream<TrackedEventMessage<?>> stream = events.after(after)) {
            Iterator<TrackedEventMessage<?>> read = stream.iterator();
            List<SequencedEvent> batch = new ArrayList<>(BATCH);
            while (read.hasNext()) {
                TrackedEventMessage<?> event = read.next();
                batch.add(SequencedEvent.of((DomainEventMessage<?>) event));
                last = event.trackingToken();
                if (batch.size() == BATCH || !read.hasNext()) {
                    List<SequencedEvent> applying = List.copyOf(batch);
                    if (ownTransactions) {
                        transaction.executeWithoutResult(status -> shadow.fold(applying));
                    } else {
                        shadow.fold(applying);
                    }
                    progress.advance(applying.size());
                    batch.clear();
                }
            }
        }
        return last;
    }

    private Outcome compare(boolean replace) {
        ProjectionChecksum liveSum = checksum(MeasureTable.LIVE);
        ProjectionChecksum rebuiltSum = checksum(SHADOW);
        boolean equal = liveSum.sha256().equals(rebuiltSum.sha256());
        List<String> differing = equal ? List.of() : differingMeasures();
        boolean replacing = replace && !equal;
        if (replacing) {
            String columns = MeasureTable.columns();
            jdbc.update("delete from " + MeasureTable.LIVE);
            jdbc.update(
                    "insert into " + MeasureTable.LIVE + " (" + columns + ") select " + columns + " from " + SHADOW);
        }
        return new Outcome(liveSum, rebuiltSum, equal, differing, replacing);
    }

    private ProjectionChecksum checksum(String table) {
        ProjectionChecksum.Digest digest = new ProjectionChecksum.Digest();
        jdbc.query(
                "select t::text from (select " + MeasureTable.columns() + " from " + table
                        + ") t order by t.measure_id",
                row -> {
                    digest.add(row.getString(1));
                });
        return digest.finish(MEASURES, clock.instant());
    }

    private List<String> differingMeasures() {
        String columns = MeasureTable.columns();
        return jdbc.queryForList(
                "select coalesce(l.measure_id, r.measure_id) from (select " + columns + " from " + MeasureTable.LIVE
                        + ") l full join (select " + columns + " from " + SHADOW + ") r on l.measure_id = r.measure_id"
                        + " where l::text is distinct from r::text order by 1 limit " + DIFFERENCES_SHOWN,
                String.class);
    }

    private Status finish(Status begun, State state, long read, long start, Outcome outcome, String error) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Status done = new Status(
                begun.projection(),
                state,
                begun.replace(),
                begun.startedAt(),
                clock.instant(),
                read,
                begun.storeHead(),
                seconds > 0 ? read / seconds : 0,
                outcome,
                error);
        latest.set(done);
        return done;
    }

    /** Counts what was read, keeps the status current and logs a line every few seconds. */
    private final class Progress {

        private final Status begun;
        private final long start;
        private long read;
        private long lastLogged;

        Progress(Status begun, long start) {
            this.begun = begun;
            this.start = start;
            this.lastLogged = start;
        }

        void advance(int events) {
            read += events;
            long now = System.nanoTime();
            double perSecond = read / ((now - start) / 1e9);
            latest.set(new Status(
                    begun.projection(),
                    State.RUNNING,
                    begun.replace(),
                    begun.startedAt(),
                    null,
                    read,
                    begun.storeHead(),
                    perSecond,
                    null,
                    null));
            if (now - lastLogged >= REPORT_EVERY_NANOS) {
                lastLogged = now;
                log.info(
                        "rebuilding the {} projection: {} of about {} events read, {} events/s",
                        MEASURES,
                        read,
                        begun.storeHead(),
                        Math.round(perSecond));
            }
        }
    }
}
