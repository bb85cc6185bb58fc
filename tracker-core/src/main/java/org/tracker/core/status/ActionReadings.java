package org.tracker.core.status;

import java.util.HashMap;
import java.util.Map;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillType;

/**
 * Each action of one bill, read once. The status is derived again from all of a bill's actions whenever one is added,
 * and reading an action (matching its text against the rules' patterns) is the costly part; a bill keeps its readings
 * so that its thousandth action does not re-read the 999 before it.
 */
public final class ActionReadings {

    private final BillType type;
    private final Map<BillAction, ActionReading> readings = new HashMap<>();

    public ActionReadings(BillType type) {
        this.type = type;
    }

    BillType type() {
        return type;
    }

    ActionReading of(BillAction action) {
        return readings.computeIfAbsent(action, unread -> ActionReader.read(unread, type));
    }
}
