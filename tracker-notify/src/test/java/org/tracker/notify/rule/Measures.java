package org.tracker.notify.rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.measure.MeasureFold;
import org.tracker.core.measure.SequencedEvent;

/**
 * Measures as the notifier knows them, folded from events the way its consumer folds them: tracker-core's fold, then the
 * member list, then the changes the event made.
 */
final class Measures {

    private final Map<String, MeasureState> states = new HashMap<>();

    MeasureState get(String measureId) {
        return states.computeIfAbsent(measureId, MeasureState::empty);
    }

    /** @return the changes the event made to its own measure */
    List<Change> record(String eventId, MeasureEvent event) {
        MeasureState own = get(event.measureId());
        MeasureFold.Applied applied = new MeasureFold(id -> get(id).row())
                .apply(new SequencedEvent(eventId, own.row().lastSequence + 1, event));
        own.noteMembers(event);
        return Changes.toOwnMeasure(event, eventId, applied.transition(), own.row());
    }
}
