package org.tracker.core.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tracker.core.api.Chamber;

/**
 * The order of one day's actions. The House times its floor actions; the Senate and the committees mostly give only
 * the day, and the record's own order is lost once actions are stored or merged from several reporters. So the day is
 * put in the order business is done in: the chambers' business, then the President's, then the response to a veto,
 * then the law. Each chamber's actions run from introduction through committee to the floor and the message to the
 * other chamber; the two chambers' actions are merged by time where both are timed, and otherwise the chamber that
 * has the measure goes first. The action's own identity breaks what remains, so the result never depends on the order
 * the actions came in.
 */
final class SameDayOrder {

    private static final Comparator<ActionReading> WITHIN_A_CHAMBER = Comparator.comparing(ActionReading::stage)
            .thenComparing(reading -> reading.action().time(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(reading -> reading.action().identity());

    private SameDayOrder() {}

    /**
     * @param holder the chamber that has the measure at the start of the day
     * @param origin the chamber the measure originated in, which answers a veto first
     */
    static List<ActionReading> arrange(List<ActionReading> day, Chamber holder, Chamber origin) {
        Map<Integer, List<ActionReading>> periods = new TreeMap<>();
        for (ActionReading reading : day) {
            periods.computeIfAbsent(reading.stage().period(), period -> new ArrayList<>())
                    .add(reading);
        }
        List<ActionReading> arranged = new ArrayList<>();
        periods.forEach((period, readings) -> {
            Chamber first =
                    switch (period) {
                        case 0 -> holder;
                        case 2 -> origin;
                        default -> null;
                    };
            List<ActionReading> firstChamber = new ArrayList<>();
            List<ActionReading> otherChamber = new ArrayList<>();
            for (ActionReading reading : readings) {
                boolean goesFirst = first == null || reading.chamber() == null || reading.chamber() == first;
                (goesFirst ? firstChamber : otherChamber).add(reading);
            }
            firstChamber.sort(WITHIN_A_CHAMBER);
            otherChamber.sort(WITHIN_A_CHAMBER);
            arranged.addAll(merge(firstChamber, otherChamber));
        });
        return arranged;
    }

    private static List<ActionReading> merge(List<ActionReading> first, List<ActionReading> other) {
        List<ActionReading> merged = new ArrayList<>(first.size() + other.size());
        int i = 0;
        int j = 0;
        while (i < first.size() && j < other.size()) {
            ActionReading mine = first.get(i);
            ActionReading theirs = other.get(j);
            boolean theirsEarlier = mine.action().time() != null
                    && theirs.action().time() != null
                    && theirs.action().time().isBefore(mine.action().time());
            if (theirsEarlier) {
                merged.add(theirs);
                j++;
            } else {
                merged.add(mine);
                i++;
            }
        }
        merged.addAll(first.subList(i, first.size()));
        merged.addAll(other.subList(j, other.size()));
        return merged;
    }
}
