package org.tracker.core.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.RollCallVoteRecorded;

/**
 * The one way stored events become measure rows: the live projection, the notifier, a rebuild, a refold of one
 * measure and an as-of answer all fold through it, so their rows agree by checksum. Events are folded in the stream's
 * order; each changes its own measure's row only if its sequence number is past the last one applied there, so a
 * redelivered batch changes nothing. A roll call also updates the latest vote of the measure it was on, which is
 * idempotent by itself (the later vote wins, and the same vote twice writes the same values).
 */
public final class MeasureFold {

    private final Function<String, MeasureRow> rows;
    private final Map<String, MeasureRow> changed = new LinkedHashMap<>();
    private final List<Transition> transitions = new ArrayList<>();

    /** @param rows finds a measure's row: loaded beforehand, or new */
    public MeasureFold(Function<String, MeasureRow> rows) {
        this.rows = rows;
    }

    /** A fold over rows kept in a map; a measure not in it gets a new row there. */
    public static MeasureFold over(Map<String, MeasureRow> rows) {
        return new MeasureFold(id -> rows.computeIfAbsent(id, MeasureRow::new));
    }

    /** The measures whose rows the events touch, to be loaded at once: their own, and those roll calls were on. */
    public static Set<String> touchedBy(Collection<SequencedEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        for (SequencedEvent sequenced : events) {
            MeasureEvent event = sequenced.event();
            ids.add(event.measureId());
            if (event instanceof RollCallVoteRecorded vote && vote.votedOn() != null) {
                ids.add(vote.votedOn());
            }
        }
        return ids;
    }

    /** Folds the next event in the stream's order. */
    public Applied apply(SequencedEvent sequenced) {
        MeasureEvent event = sequenced.event();
        long sequence = sequenced.sequence();
        MeasureRow own = rows.apply(event.measureId());
        Optional<Transition> transition = Optional.empty();
        boolean news = sequence > own.lastSequence;
        if (news) {
            transition = MeasureProjector.project(event, own);
            own.lastSequence = sequence;
            own.updatedAt = event.provenance().recordedAt();
            if (own.source == null) {
                own.source = event.provenance().source();
            }
            changed.put(own.measureId, own);
            transition.ifPresent(transitions::add);
        }
        if (event instanceof RollCallVoteRecorded vote && vote.votedOn() != null) {
            MeasureRow votedOn = rows.apply(vote.votedOn());
            if (MeasureProjector.recordLatestVote(votedOn, vote)) {
                changed.put(votedOn.measureId, votedOn);
            }
        }
        return new Applied(news, transition);
    }

    /** Folds events in the order given. */
    public MeasureFold applyAll(Collection<SequencedEvent> events) {
        events.forEach(this::apply);
        return this;
    }

    /** The rows the events folded so far changed, each once, in the order they first changed. */
    public Collection<MeasureRow> changedRows() {
        return changed.values();
    }

    /** The status changes the events folded so far made, in the stream's order. */
    public List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    /**
     * What folding one event did to its own measure.
     *
     * @param news whether the event was new to its measure; an event seen before changes nothing there
     * @param transition the status change it made, if any
     */
    public record Applied(boolean news, Optional<Transition> transition) {}
}
