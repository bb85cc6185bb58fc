package org.tracker.core.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.Provenance;

/**
 * A past moment to fold measures at: what the tracker had recorded by {@code knownAt} ("what did we know on the
 * morning of the vote"), what had taken effect by the end of {@code effectiveOn} ("what was true that day"), or both
 * ("what did we know then about that day"). Either may be absent, meaning no limit.
 *
 * @param effectiveOn a day in Washington, where Congress keeps its dates
 */
public record AsOf(Instant knownAt, LocalDate effectiveOn) {

    /** Whether the event is part of the record at this moment. */
    public boolean counts(MeasureEvent event) {
        Provenance provenance = event.provenance();
        return (knownAt == null || !provenance.recordedAt().isAfter(knownAt))
                && (effectiveOn == null || provenance.effectiveAt().isBefore(CongressTime.endOf(effectiveOn)));
    }

    /** Rows folded from events given in the store's order, counting only those of this moment. */
    public static final class Fold {

        private final AsOf moment;
        private final Map<String, MeasureRow> rows = new HashMap<>();
        private final MeasureFold fold = MeasureFold.over(rows);

        public Fold(AsOf moment) {
            this.moment = moment;
        }

        public void add(SequencedEvent event) {
            if (moment.counts(event.event())) {
                fold.apply(event);
            }
        }

        /** The measures that existed at the moment: a row that only a roll call named is not one. */
        public Map<String, MeasureRow> measures() {
            Map<String, MeasureRow> measures = new HashMap<>();
            rows.forEach((id, row) -> {
                if (row.kind != null) {
                    measures.put(id, row);
                }
            });
            return measures;
        }
    }
}
