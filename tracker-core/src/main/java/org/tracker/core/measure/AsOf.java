package org.tracker.core.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
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

    static final ZoneId CONGRESS_TIME = ZoneId.of("America/New_York");

    /** Whether the event is part of the record at this moment. */
    public boolean counts(MeasureEvent event) {
        Provenance provenance = event.provenance();
        return (knownAt == null || !provenance.recordedAt().isAfter(knownAt))
                && (effectiveOn == null
                        || provenance
                                .effectiveAt()
                                .isBefore(effectiveOn
                                        .plusDays(1)
                                        .atStartOfDay(CONGRESS_TIME)
                                        .toInstant()));
    }

    /** Rows folded from events given in the store's order, counting only those of this moment. */
    public static final class Fold {

        private final AsOf moment;
        private final Map<String, MeasureRow> rows = new HashMap<>();

        public Fold(AsOf moment) {
            this.moment = moment;
        }

        public void add(MeasureEvent event, long sequence) {
            if (moment.counts(event)) {
                MeasureProjector.apply(event, sequence, id -> rows.computeIfAbsent(id, MeasureRow::new));
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
