package org.tracker.core.status;

import java.util.ArrayList;
import java.util.List;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillType;

/** Derives a bill's status from its actions. */
public final class BillStatusRules {

    private BillStatusRules() {}

    /**
     * The status movements that the actions cause, oldest first. The actions may come in any order and may contain
     * the Library of Congress's repeats of chamber actions.
     */
    public static List<StatusTransition> transitions(BillType type, String title, List<BillAction> actions) {
        List<StatusTransition> result = new ArrayList<>();
        BillStatus status = BillStatus.INTRODUCED;
        for (BillAction action : actions.stream()
                .sorted(java.util.Comparator.comparing(BillAction::date))
                .toList()) {
            if (status == BillStatus.INTRODUCED && action.text().startsWith("Referred to")) {
                status = BillStatus.REFERRED;
                result.add(new StatusTransition(status, action.date(), action.text()));
            }
        }
        return result;
    }

    /** Where the bill stands after all its actions. */
    public static BillStatus current(BillType type, String title, List<BillAction> actions) {
        List<StatusTransition> moves = transitions(type, title, actions);
        return moves.isEmpty()
                ? BillStatus.INTRODUCED
                : moves.get(moves.size() - 1).status();
    }
}
