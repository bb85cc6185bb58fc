package org.tracker.api.measures;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.measure.MeasureFold;
import org.tracker.core.measure.MeasureRow;
import org.tracker.core.measure.SequencedEvent;
import org.tracker.notify.parking.ParkedEvent;
import org.tracker.notify.parking.ParkedRetry;
import org.tracker.notify.parking.StreamConsumer;

/**
 * The projection's retry of a parked measure: its row is folded again from the event store, as a rebuild would fold
 * it, and put in place, so that it no longer depends on which events reached Kafka or in what state the table was
 * when they did. A roll call also shows on the measure it was on, so that measure is folded again too.
 */
@Component
class MeasureRefold implements ParkedRetry {

    private final MeasureEvents events;
    private final MeasureTable table;

    MeasureRefold(MeasureEvents events, MeasureTable table) {
        this.events = events;
        this.table = table;
    }

    @Override
    public StreamConsumer consumer() {
        return StreamConsumer.PROJECTION;
    }

    @Override
    public void retry(String measureId, List<ParkedEvent> parked) {
        Set<String> measures = new LinkedHashSet<>(List.of(measureId));
        List<DomainEventMessage<?>> own = events.of(measureId);
        for (DomainEventMessage<?> event : own) {
            if (event.getPayload() instanceof RollCallVoteRecorded vote
                    && measureId.equals(vote.voteId())
                    && vote.votedOn() != null) {
                measures.add(vote.votedOn());
            }
        }
        // Held before the store is read: a consumer folding one of these rows meanwhile has either committed, and its
        // events are in what is read, or waits and folds onto what this saves.
        table.hold(measures);
        table.save(measures.stream().map(id -> fold(id, events.of(id))).toList());
    }

    private static MeasureRow fold(String measureId, List<DomainEventMessage<?>> stored) {
        Map<String, MeasureRow> rows = new HashMap<>();
        MeasureFold.over(rows).applyAll(stored.stream().map(SequencedEvent::of).toList());
        return rows.computeIfAbsent(measureId, MeasureRow::new);
    }
}
