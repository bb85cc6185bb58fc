package org.tracker.api.pages;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tracker.api.measures.MeasureEvents;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.measure.AsOf;

/** A measure's facts and the roll calls on it, from the event store, newest first. */
@Component
class MeasureTimeline {

    private final MeasureEvents events;

    MeasureTimeline(MeasureEvents events) {
        this.events = events;
    }

    /** @param moment what the tracker knew then, or null for everything it knows */
    List<TimelineEntry> of(String measureId, AsOf moment) {
        return events.of(measureId).stream()
                .filter(event -> moment == null || moment.counts((MeasureEvent) event.getPayload()))
                .map(TimelineEntry::of)
                .sorted(Comparator.comparing(TimelineEntry::effectiveAt)
                        .thenComparing(TimelineEntry::recordedAt)
                        .thenComparing(TimelineEntry::sequence)
                        .reversed())
                .toList();
    }
}
