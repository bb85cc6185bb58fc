package org.tracker.notify.rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.projection.MeasureProjector;

/**
 * Measures as the notifier knows them, folded from events the way its consumer folds them: the status before, then
 * tracker-core's projector, then the member list, then the changes the event made.
 */
final class Measures {

    private final Map<String, MeasureState> states = new HashMap<>();

    MeasureState get(String measureId) {
        return states.computeIfAbsent(measureId, MeasureState::empty);
    }

    /** @return the changes the event made to its own measure */
    List<Change> record(String eventId, MeasureEvent event) {
        MeasureState own = get(event.measureId());
        String statusBefore = own.row().status;
        MeasureProjector.apply(event, own.row().lastSequence + 1, id -> get(id).row());
        own.noteMembers(event);
        return Changes.toOwnMeasure(event, eventId, statusBefore, own.row());
    }
}
