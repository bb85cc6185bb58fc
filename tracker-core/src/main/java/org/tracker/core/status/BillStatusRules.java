package org.tracker.core.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillType;
import org.tracker.core.status.StatusMachine.ConferenceRequest;

/**
 * Derives a bill's status from its actions, in the vocabulary public trackers share (see {@link BillStatus}).
 *
 * <p>Referral, a committee's report, the votes on passage, on the other chamber's amendment, on a conference report,
 * on cloture and on overriding a veto, and the President's signature or veto move a status. Hearings, motions to
 * table, a committee's discharge, a failed motion to discharge and "Became Public Law" after signing are recorded but
 * move nothing.
 */
public final class BillStatusRules {

    private BillStatusRules() {}

    /**
     * The status movements that the actions cause, oldest first. The actions may come in any order and may contain
     * the Library of Congress's repeats of chamber actions.
     *
     * @param title the official title; it tells a joint resolution proposing a constitutional amendment from others
     */
    public static List<StatusTransition> transitions(BillType type, String title, List<BillAction> actions) {
        Objects.requireNonNull(type, "the rules need the bill's type");
        return transitions(title, actions, new ActionReadings(type));
    }

    /** The same, reusing the readings of actions seen before; for a bill that derives its status at every action. */
    public static List<StatusTransition> transitions(String title, List<BillAction> actions, ActionReadings readings) {
        Objects.requireNonNull(actions, "the rules need the bill's actions, even if none");
        BillType type = readings.type();
        Map<LocalDate, List<ActionReading>> days = new TreeMap<>();
        for (BillAction action : LibraryOfCongressRepeats.removeFrom(List.copyOf(actions))) {
            days.computeIfAbsent(action.date(), date -> new ArrayList<>()).add(readings.of(action));
        }
        StatusMachine machine = new StatusMachine(type, title, conferenceRequests(days));
        for (List<ActionReading> day : days.values()) {
            SameDayOrder.arrange(day, machine.holder(), type.originChamber()).forEach(machine::apply);
        }
        return machine.transitions();
    }

    /** Where the bill stands after all its actions. */
    public static BillStatus current(BillType type, String title, List<BillAction> actions) {
        List<StatusTransition> moves = transitions(type, title, actions);
        return moves.isEmpty()
                ? BillStatus.INTRODUCED
                : moves.get(moves.size() - 1).status();
    }

    private static Set<ConferenceRequest> conferenceRequests(Map<LocalDate, List<ActionReading>> days) {
        return days.values().stream()
                .flatMap(List::stream)
                .filter(reading -> reading.requestsConference() && reading.chamber() != null)
                .map(reading -> new ConferenceRequest(reading.action().date(), reading.chamber()))
                .collect(Collectors.toSet());
    }
}
