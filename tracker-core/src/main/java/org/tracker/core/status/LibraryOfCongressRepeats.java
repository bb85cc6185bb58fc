package org.tracker.core.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.Chamber;

/**
 * The Library of Congress repeats the actions that a chamber also reports, often behind a label such as "Passed/agreed
 * to in House: ". Counting both would make one vote happen twice, so its repeats are dropped before anything is
 * derived.
 */
final class LibraryOfCongressRepeats {

    private static final Pattern LABEL = Pattern.compile("^(?:[A-Z][A-Za-z/]*(?: [A-Za-z/]+)*? (?:in|--) (House|Senate)"
            + "(?: actions)?|To conference|Conference committee actions|Conference report filed): ");

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");

    private static final Comparator<BillAction> KEEP_FIRST = Comparator.comparing(
                    BillAction::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(BillAction::identity)
            .thenComparing(action -> String.valueOf(action.actionCode()));

    private LibraryOfCongressRepeats() {}

    /**
     * The actions without the Library of Congress items that repeat another item of the same day, the chamber's own
     * report kept. Which repeat is kept does not depend on the order the actions came in.
     */
    static List<BillAction> removeFrom(List<BillAction> actions) {
        Map<LocalDate, List<BillAction>> byDate = new TreeMap<>();
        for (BillAction action : actions) {
            byDate.computeIfAbsent(action.date(), date -> new ArrayList<>()).add(action);
        }
        List<BillAction> kept = new ArrayList<>();
        for (List<BillAction> day : byDate.values()) {
            List<BillAction> reportedByChambers = day.stream()
                    .filter(action -> action.source() != ActionSource.LIBRARY_OF_CONGRESS)
                    .toList();
            List<BillAction> keptOfDay = new ArrayList<>(reportedByChambers);
            List<BillAction> repeats = day.stream()
                    .filter(action -> action.source() == ActionSource.LIBRARY_OF_CONGRESS)
                    .sorted(KEEP_FIRST)
                    .toList();
            for (BillAction repeat : repeats) {
                int same = indexOfSameFact(keptOfDay, repeat);
                if (same < 0) {
                    keptOfDay.add(repeat);
                } else if (keptOfDay.get(same).time() == null && repeat.time() != null) {
                    keptOfDay.set(same, timed(keptOfDay.get(same), repeat));
                }
            }
            kept.addAll(keptOfDay);
        }
        return kept;
    }

    /** The text as the chamber wrote it, without the Library of Congress label. */
    static String withoutLabel(String text) {
        Matcher label = LABEL.matcher(text);
        return label.find() ? text.substring(label.end()) : text;
    }

    /** The chamber a Library of Congress label names, or null. */
    static Chamber labelledChamber(String text) {
        Matcher label = LABEL.matcher(text);
        if (!label.find() || label.group(1) == null) {
            return null;
        }
        return Chamber.valueOf(label.group(1).toUpperCase(Locale.ROOT));
    }

    private static int indexOfSameFact(List<BillAction> actions, BillAction repeat) {
        for (int i = 0; i < actions.size(); i++) {
            if (sameFact(repeat, actions.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The Senate does not time its actions, but the Library's repeat of a Senate vote often does; the time is what
     * puts a Senate vote after a House vote of the same day.
     */
    private static BillAction timed(BillAction action, BillAction timedRepeat) {
        return new BillAction(
                action.date(),
                timedRepeat.time(),
                action.text(),
                action.type(),
                action.actionCode(),
                action.source(),
                action.committees(),
                action.recordedVote() != null ? action.recordedVote() : timedRepeat.recordedVote());
    }

    private static boolean sameFact(BillAction one, BillAction other) {
        boolean timesAgree =
                one.time() == null || other.time() == null || one.time().equals(other.time());
        return one.date().equals(other.date()) && timesAgree && comparable(one).equals(comparable(other));
    }

    /** The two reporters of one action differ in labels, citations of the record and spacing, not in wording. */
    private static String comparable(BillAction action) {
        return NOT_ALPHANUMERIC
                .matcher(ActionReader.plain(action.text()).toLowerCase(Locale.ROOT))
                .replaceAll("");
    }
}
