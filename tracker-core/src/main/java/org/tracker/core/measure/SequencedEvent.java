package org.tracker.core.measure;

import org.axonframework.eventhandling.DomainEventMessage;
import org.tracker.core.api.MeasureEvent;

/**
 * A measure event as the store and the stream carry it: its id, and its place in its measure's sequence, which is
 * what makes folding it twice harmless.
 */
public record SequencedEvent(String eventId, long sequence, MeasureEvent event) {

    /** @param message a stored or streamed message whose payload is a measure event */
    public static SequencedEvent of(DomainEventMessage<?> message) {
        return new SequencedEvent(
                message.getIdentifier(), message.getSequenceNumber(), (MeasureEvent) message.getPayload());
    }

    public String measureId() {
        return event.measureId();
    }
}
