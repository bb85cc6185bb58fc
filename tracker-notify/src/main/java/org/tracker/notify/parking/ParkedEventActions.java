package org.tracker.notify.parking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What operators do with parked events. A retry works on a whole measure of one consumer, since its parked events
 * must be processed in order; a discard gives up an event and the later ones of its measure held behind it, and lets
 * the measure flow again.
 */
@Component
public class ParkedEventActions {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventActions.class);

    private final ParkedEvents parked;
    private final Map<StreamConsumer, ParkedRetry> retries = new EnumMap<>(StreamConsumer.class);
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ParkedEventActions(
            ParkedEvents parked, List<ParkedRetry> retries, TransactionTemplate transaction, Clock clock) {
        this.parked = parked;
        retries.forEach(retry -> this.retries.put(retry.consumer(), retry));
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A parked event, resolved or not. */
    public ParkedEvent find(long id) {
        return parked.find(id).orElseThrow(() -> new NothingParked("There is no parked event " + id + "."));
    }

    /** Retries the measure of a parked event for its consumer. */
    public List<ParkedEvent> retry(long id, String operator) {
        ParkedEvent event = unresolved(id);
        return retry(StreamConsumer.of(event.consumer()), event.measureId(), operator);
    }

    /** Retries the measure for every consumer that has it parked. */
    public List<ParkedEvent> retryMeasure(String measureId, String operator) {
        List<ParkedEvent> retried = new ArrayList<>();
        for (StreamConsumer consumer : StreamConsumer.values()) {
            if (!parked.unresolved(consumer, measureId).isEmpty()) {
                retried.addAll(retry(consumer, measureId, operator));
            }
        }
        if (retried.isEmpty()) {
            throw new NothingParked("Measure '" + measureId + "' has no unresolved parked events.");
        }
        return retried;
    }

    /** Discards a parked event and the later events of its measure held behind it for the same consumer. */
    public List<ParkedEvent> discard(long id, String operator, String reason) {
        ParkedEvent event = unresolved(id);
        List<ParkedEvent> discarded = parked.unresolved(StreamConsumer.of(event.consumer()), event.measureId()).stream()
                .filter(other -> other.sequence() >= event.sequence())
                .toList();
        return discard(discarded, operator, reason);
    }

    /** Discards every unresolved parked event of the measure, for both consumers. */
    public List<ParkedEvent> discardMeasure(String measureId, String operator, String reason) {
        List<ParkedEvent> discarded = new ArrayList<>();
        for (StreamConsumer consumer : StreamConsumer.values()) {
            discarded.addAll(parked.unresolved(consumer, measureId));
        }
        if (discarded.isEmpty()) {
            throw new NothingParked("Measure '" + measureId + "' has no unresolved parked events.");
        }
        return discard(discarded, operator, reason);
    }

    private List<ParkedEvent> discard(List<ParkedEvent> events, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A discard needs a reason: say why these events may be given up.");
        }
        transaction.executeWithoutResult(
                status -> parked.resolve(events, ParkedEvent.Resolution.DISCARDED, operator, reason, clock.instant()));
        log.atWarn()
                .addKeyValue("operator", operator)
                .addKeyValue("reason", Failures.bounded(reason))
                .log("{} discarded {} parked events: {}", operator, events.size(), describe(events));
        return reread(events);
    }

    private List<ParkedEvent> retry(StreamConsumer consumer, String measureId, String operator) {
        ParkedRetry retry = retries.get(consumer);
        if (retry == null) {
            throw new IllegalStateException("this instance cannot retry the " + consumer.id() + "'s events");
        }
        List<ParkedEvent> events = parked.unresolved(consumer, measureId);
        try {
            transaction.executeWithoutResult(status -> {
                retry.retry(measureId, events);
                parked.resolve(
                        events,
                        ParkedEvent.Resolution.RETRIED,
                        operator,
                        consumer == StreamConsumer.PROJECTION
                                ? "refolded the measure from the event store"
                                : "decided again from the event store",
                        clock.instant());
            });
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            String reason = Failures.describe(e);
            transaction.executeWithoutResult(status -> parked.parkedAgain(events, reason));
            log.atError()
                    .addKeyValue("consumer", consumer.id())
                    .addKeyValue("measure", measureId)
                    .addKeyValue("reason", reason)
                    .log(
                            "{}'s retry of measure {} failed again; its events stay parked: {}",
                            consumer.id(),
                            measureId,
                            reason);
            throw new RetryFailed(consumer, measureId, reason);
        }
        log.info(
                "{} retried {} parked events of measure {} for the {}",
                operator,
                events.size(),
                measureId,
                consumer.id());
        return reread(events);
    }

    private ParkedEvent unresolved(long id) {
        ParkedEvent event =
                parked.find(id).orElseThrow(() -> new NothingParked("There is no parked event " + id + "."));
        if (!event.unresolved()) {
            throw new AlreadyResolved(event);
        }
        return event;
    }

    private List<ParkedEvent> reread(List<ParkedEvent> events) {
        return events.stream()
                .map(event -> parked.find(event.id()).orElseThrow())
                .toList();
    }

    private static String describe(List<ParkedEvent> events) {
        return events.stream()
                .map(event -> event.consumer() + " " + event.measureId() + "#" + event.sequence())
                .toList()
                .toString();
    }

    /** No such parked event, or none unresolved for the measure. */
    public static final class NothingParked extends RuntimeException {
        NothingParked(String message) {
            super(message);
        }
    }

    public static final class AlreadyResolved extends RuntimeException {
        AlreadyResolved(ParkedEvent event) {
            super("Parked event " + event.id() + " was already "
                    + event.resolution().toLowerCase() + " by " + event.resolvedBy() + " at " + event.resolvedAt()
                    + ".");
        }
    }

    /** The retry met a failure again; the events stay parked with it as their reason. */
    public static final class RetryFailed extends RuntimeException {
        RetryFailed(StreamConsumer consumer, String measureId, String reason) {
            super("The " + consumer.id() + " could not process measure " + measureId
                    + " again; its events stay parked: " + reason);
        }
    }
}
