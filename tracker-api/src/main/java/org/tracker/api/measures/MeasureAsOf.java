package org.tracker.api.measures;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;
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
