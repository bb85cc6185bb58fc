package org.tracker.imports.bill;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracker.core.api.AddCosponsor;
import org.tracker.core.api.AssignBillTitle;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.api.RecordLaw;
import org.tracker.core.api.WithdrawCosponsor;
import org.tracker.imports.ImportedFrom;
import org.tracker.imports.bill.BillRecord.BillTitle;
import org.tracker.imports.bill.BillRecord.Cosponsor;
import org.tracker.imports.bill.BillRecord.Law;

/**
 * The commands that record what one {@link BillRecord} says, in the order the bill's aggregate must receive them: the
 * introduction first, since the aggregate refuses facts about a bill it has not seen introduced.
 *
 * <p>Sending the commands of a record the aggregate already knows appends nothing: every command repeats a fact it
 * ignores when known. Each command's provenance names the record's source and takes effect at the fact's own date.
 */
public final class BillCommands {

    private BillCommands() {}

    /**
     * Introduction, titles, cosponsors (each withdrawal right after its cosponsorship), actions oldest first, laws.
     * The actions go as the record has them, Library of Congress repeats included: the status rules recognise the
     * repeats, and an aggregate that knows an action ignores it.
     */
    public static List<Object> of(BillRecord bill, ImportedFrom origin) {
        String id = bill.id().toString();
        List<BillAction> actions = oldestFirst(bill.actions());
        LocalDate newest = actions.isEmpty()
                ? bill.introducedOn()
                : actions.get(actions.size() - 1).date();

        List<Object> commands = new ArrayList<>();
        commands.add(new IntroduceBill(
                id, bill.title(), bill.introducedOn(), bill.sponsor(), origin.effectiveOn(bill.introducedOn())));
        for (BillTitle title : firstOfEachType(bill.titles())) {
            LocalDate since = title.type().contains("as Introduced") ? bill.introducedOn() : newest;
            commands.add(new AssignBillTitle(id, title.type(), title.text(), origin.effectiveOn(since)));
        }
        for (Cosponsor cosponsor : bill.cosponsors()) {
            commands.add(new AddCosponsor(
                    id,
                    cosponsor.member(),
                    cosponsor.sponsoredOn(),
                    cosponsor.original(),
                    origin.effectiveOn(cosponsor.sponsoredOn())));
            if (cosponsor.withdrawnOn() != null) {
                commands.add(new WithdrawCosponsor(
                        id,
                        cosponsor.member().bioguideId(),
                        cosponsor.withdrawnOn(),
                        origin.effectiveOn(cosponsor.withdrawnOn())));
            }
        }
        for (BillAction action : actions) {
            commands.add(new RecordBillAction(id, action, origin.effectiveAt(action.date(), action.time())));
        }
        for (Law law : bill.laws()) {
            commands.add(
                    new RecordLaw(id, law.type(), law.number(), origin.effectiveOn(enactedOn(law, actions, newest))));
        }
        return commands;
    }

    /**
     * Records list actions newest first, and within a day in the order the day went, newest first too. Reversed, and
     * sorted by day where a record strays, they come in the order the aggregate derives the bill's status in, so that
     * its history of statuses is the one the record went through.
     */
    private static List<BillAction> oldestFirst(List<BillAction> newestFirst) {
        List<BillAction> actions = new ArrayList<>(newestFirst);
        Collections.reverse(actions);
        actions.sort(Comparator.comparing(BillAction::date));
        return actions;
    }

    /**
     * The aggregate keeps one title per type, and a record may list several of one type (a bill's short titles, the
     * titles of its portions). Sending them all would make each replace the other on every import; the first, which
     * records put first because it names the whole bill, is the one sent.
     */
    private static List<BillTitle> firstOfEachType(List<BillTitle> titles) {
        Map<String, BillTitle> first = new LinkedHashMap<>();
        for (BillTitle title : titles) {
            first.putIfAbsent(title.type(), title);
        }
        return List.copyOf(first.values());
    }

    /** The day of the action that made it law ("Became Public Law No: 114-94."), else the newest action's. */
    private static LocalDate enactedOn(Law law, List<BillAction> actions, LocalDate newest) {
        return actions.stream()
                .filter(action -> action.text().contains("Law No: " + law.number()))
                .map(BillAction::date)
                .findFirst()
                .orElse(newest);
    }
}
