package org.tracker.notify.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tracker.core.api.CongressTime;
import org.tracker.notify.NotifyProperties;
import org.tracker.notify.rule.Alerts;
import org.tracker.notify.rule.Cadence;
import org.tracker.notify.rule.Condition;
import org.tracker.notify.rule.Deadlines;
import org.tracker.notify.rule.MeasureState;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.send.Dispatcher;
import org.tracker.notify.store.NotifierState;
import org.tracker.notify.store.Outbox;
import org.tracker.notify.store.Outbox.Decided;
import org.tracker.notify.store.SubscriptionStore;

/**
 * Looks at the clock every tick: which followed deadlines are near or past, and which digests are due. What it
 * decides goes into the outbox with ids derived from its cause, so looking again on the next tick, or after a
 * restart, adds nothing twice.
 */
@Component
public class TimeWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimeWatch.class);

    private final SubscriptionStore subscriptions;
    private final NotifierState state;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final TransactionTemplate transaction;
    private final NotifyProperties properties;
    private final Clock clock;
    private ScheduledExecutorService ticker;

    public TimeWatch(
            SubscriptionStore subscriptions,
            NotifierState state,
            Outbox outbox,
            Dispatcher dispatcher,
            TransactionTemplate transaction,
            NotifyProperties properties,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.state = state;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "notify-time-watch");
            thread.setDaemon(true);
            return thread;
        });
        long tick = properties.tick().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    void tick() {
        try {
            Instant now = clock.instant();
            int added = deadlines(now) + digests(now);
            if (added > 0) {
                dispatcher.wake();
            }
        } catch (RuntimeException e) {
            log.error("deadlines and digests could not be checked; trying again next tick", e);
        }
    }

    int deadlines(Instant now) {
        List<Subscription> watching = subscriptions.activeWithDeadlines();
        if (watching.isEmpty()) {
            return 0;
        }
        int horizon = watching.stream()
                .flatMap(subscription -> subscription.when().stream())
                .map(Condition::withinDays)
                .filter(Objects::nonNull)
                .max(Integer::compare)
                .orElse(0);
        LocalDate today = CongressTime.dayOf(now);
        List<Decided> decided = new ArrayList<>();
        for (MeasureState measure : state.withDeadlineBy(today.plusDays(horizon))) {
            Deadlines.at(measure.row(), now).ifPresent(change -> Alerts.decide(watching, measure, null, List.of(change))
                    .forEach(alert -> decided.add(Decided.of(alert, measure.row(), null))));
        }
        Integer added = transaction.execute(status -> outbox.record(decided, now));
        return added == null ? 0 : added;
    }

    int digests(Instant now) {
        int added = 0;
        for (Subscription subscription : subscriptions.activeDigests()) {
            Instant end = subscription.schedule().lastPeriodEnd(now);
            Instant start = subscription.schedule().cadence() == Cadence.WEEKLY
                    ? end.atZone(subscription.schedule().timeZone())
                            .minusWeeks(1)
                            .toInstant()
                    : end.atZone(subscription.schedule().timeZone())
                            .minusDays(1)
                            .toInstant();
            Integer made = transaction.execute(status -> outbox.digest(subscription, start, end, now));
            added += made == null ? 0 : made;
        }
        return added;
    }
}
