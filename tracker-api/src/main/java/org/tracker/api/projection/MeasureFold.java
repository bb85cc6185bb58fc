package org.tracker.api.projection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.projection.MeasureProjector;
import org.tracker.core.projection.MeasureRow;

/**
 * Applies a batch of events to the rows of one measure table: the rows they touch loaded at once, folded by
 * tracker-core's projector, the changed ones saved at once. The live projection and a rebuild fold this one way, so
 * that their tables can be compared.
 */
final class MeasureFold {

    private MeasureFold() {}

    /** @param events whose payloads are measure events */
    static void apply(List<DomainEventMessage<?>> events, MeasureTable table) {
        Set<String> ids = new LinkedHashSet<>();
        for (DomainEventMessage<?> event : events) {
            MeasureEvent payload = (MeasureEvent) event.getPayload();
            ids.add(payload.measureId());
            if (payload instanceof RollCallVoteRecorded vote && vote.votedOn() != null) {
                ids.add(vote.votedOn());
            }
        }
        Map<String, MeasureRow> rows = table.load(ids);
        Set<String> changed = new LinkedHashSet<>();
        for (DomainEventMessage<?> event : events) {
            changed.addAll(MeasureProjector.apply(
                    (MeasureEvent) event.getPayload(),
                    event.getSequenceNumber(),
                    id -> rows.computeIfAbsent(id, MeasureRow::new)));
        }
        table.save(changed.stream().map(rows::get).toList());
    }
}
