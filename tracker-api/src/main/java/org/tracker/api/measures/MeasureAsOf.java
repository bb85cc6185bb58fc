package org.tracker.api.measures;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;
import org.tracker.api.web.InvalidRequest;
import org.tracker.core.api.FactCalendar;
import org.tracker.core.measure.AsOf;
import org.tracker.core.measure.MeasureRow;
import org.tracker.core.measure.SequencedEvent;

/**
 * Measures as they stood at a past moment, folded from the event store by the projector that feeds the live table, so
 * that an answer for "now" equals the live row.
 */
@Component
public class MeasureAsOf {

    private final MeasureEvents events;

    public MeasureAsOf(MeasureEvents events) {
        this.events = events;
    }

    /**
     * The moment an {@code asOf} (an instant with an offset) and an {@code effectiveOn} (a date) name, as the API and
     * the pages take them; null when neither is given, and the live projection answers.
     */
    public static AsOf moment(String knownAt, String effectiveOn, Instant now) {
        if (knownAt == null && effectiveOn == null) {
            return null;
        }
        FactCalendar calendar = FactCalendar.at(now);
        Instant known = knownAt == null ? null : instant(knownAt);
        LocalDate effective = effectiveOn == null ? null : date(effectiveOn);
        if (known != null) {
            calendar.moment(known, "asOf");
        }
        if (effective != null) {
            calendar.day(effective, "effectiveOn");
        }
        return new AsOf(known, effective);
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidRequest("'asOf' must be an instant with an offset, like 2025-02-12T14:00:00Z or"
                    + " 2025-02-12T09:00:00-05:00, not '" + text + "'.");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidRequest("'effectiveOn' must be a date like 2025-02-12, not '" + text + "'.");
        }
    }

    /** @return empty when the measure had no counted fact at that moment */
    public Optional<MeasureRow> of(String measureId, AsOf moment) {
        AsOf.Fold fold = new AsOf.Fold(moment);
        for (DomainEventMessage<?> event : events.of(measureId)) {
            fold.add(SequencedEvent.of(event));
        }
        return Optional.ofNullable(fold.measures().get(measureId));
    }

    /** Every measure at that moment: a read of the whole store, as long as a rebuild's. */
    public Collection<MeasureRow> all(AsOf moment) {
        AsOf.Fold fold = new AsOf.Fold(moment);
        try (Stream<TrackedEventMessage<?>> stored = events.after(null)) {
            stored.forEach(event -> fold.add(SequencedEvent.of((DomainEventMessage<?>) event)));
        }
        return fold.measures().values();
    }
}
