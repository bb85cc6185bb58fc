package org.tracker.notify.rule;

import java.util.Set;
import java.util.TreeSet;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.CosponsorAdded;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.measure.MeasureRow;

/**
 * What the notifier knows of a measure: its row as dashboards see it, and the members who sponsor or cosponsor it
 * (for subscriptions that follow a member).
 */
public record MeasureState(MeasureRow row, Set<String> members) {

    public MeasureState {
        members = new TreeSet<>(members);
    }

    public static MeasureState empty(String measureId) {
        return new MeasureState(new MeasureRow(measureId), Set.of());
    }

    /** Keeps the member list; the row is folded by tracker-core's projector. */
    public void noteMembers(MeasureEvent event) {
        if (event instanceof BillIntroduced introduced && introduced.sponsor() != null) {
            members.add(introduced.sponsor().bioguideId());
        } else if (event instanceof CosponsorAdded added) {
            members.add(added.cosponsor().bioguideId());
        } else if (event instanceof CosponsorWithdrawn withdrawn) {
            members.remove(withdrawn.bioguideId());
        }
    }
}
