package org.tracker.api.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tracker.imports.congressgov.CongressGovClient;
import org.tracker.imports.congressgov.CongressGovPoller;
import org.tracker.imports.congressgov.CongressGovUnavailableException;
import org.tracker.imports.congressgov.PollSummary;
import org.tracker.imports.congressgov.RequestRateLimiter;
import org.tracker.imports.file.FileOutcome;

/**
 * Polls congress.gov for bills whose content changed, and imports each, on a thread of its own: a poll waits for the
 * API's rate limit, which must hold up nothing else. Runs only when {@code CONGRESS_API_KEY} is set. The poller's
 * window and content hashes are kept in PostgreSQL ({@link PostgresPollerState}), so a restart resumes the window.
 */
@Component
@ConditionalOnSetting("tracker.import.congress-gov.api-key")
class CongressGovPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CongressGovPolling.class);

    /** Who the facts from congress.gov are recorded as submitted by. */
    static final String SUBMITTER = "congress-gov-poller";

    private final ImportProperties.CongressGov settings;
    private final CongressGovPoller poller;
    private final RecordImporter importer;
    private volatile ScheduledExecutorService polls;

    CongressGovPolling(ImportProperties properties, PostgresPollerState state, RecordImporter importer, Clock clock) {
        this.settings = properties.congressGov();
        CongressGovClient api =
                new CongressGovClient(settings.baseUrl(), settings.apiKey(), RequestRateLimiter.congressGov());
        // congress.gov takes whole seconds in fromDateTime
        Instant firstWindowStart =
                clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(settings.firstLookBack());
        this.poller = new CongressGovPoller(api, state, clock, firstWindowStart, settings.overlap());
        this.importer = importer;
    }

    @Override
    public void start() {
        polls = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "import-congress-gov");
            thread.setDaemon(true);
            return thread;
        });
        polls.scheduleWithFixedDelay(this::pollLogged, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Polling {} every {}", settings.baseUrl(), settings.interval());
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = polls;
        polls = null;
        if (running != null) {
            // a poll may wait an hour for the rate limit; the next poll goes over its window again
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return polls != null;
    }

    /** An exception would end the scheduled task for good; the API or the database may be back by the next poll. */
    private void pollLogged() {
        try {
            poll();
        } catch (CongressGovUnavailableException e) {
            log.warn("congress.gov poll stopped; the next poll goes over its window again: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("congress.gov poll failed; the next poll goes over its window again", e);
        }
    }

    /** Polls one window and imports every bill whose content changed; one poll at a time. */
    synchronized PollSummary poll() throws InterruptedException {
        List<FileOutcome> rejected = new ArrayList<>();
        PollSummary summary = poller.poll(bill -> {
            FileOutcome outcome = importer.importPolled(bill, SUBMITTER);
            if (outcome.wasRejected()) {
                rejected.add(outcome);
            }
        });
        log.info(
                "congress.gov {} to {}: {} bills listed, {} changed, {} unchanged, {} unreadable, {} rejected",
                summary.windowStart(),
                summary.windowEnd(),
                summary.listed(),
                summary.changed().size(),
                summary.unchanged(),
                summary.unreadable().size(),
                rejected.size());
        summary.unreadable().forEach(reason -> log.warn("congress.gov: {}", reason));
        rejected.forEach(outcome -> log.warn("congress.gov: {} rejected: {}", outcome.file(), outcome.reason()));
        return summary;
    }
}
