package org.tracker.imports.file;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tracker.core.api.BillAction;
import org.tracker.imports.ImportedFrom;
import org.tracker.imports.bill.BillCommands;
import org.tracker.imports.bill.BillRecord;
import org.tracker.imports.rollcall.RollCallRecord;

/** What one file of the official record says, about the one measure it describes, whichever kind of file it was. */
public sealed interface OfficialRecord {

    /** The measure the record describes: a bill's id ({@code s35-117}) or a roll call's ({@code vote-s118.2-292}). */
    String measureId();

    /**
     * When the publisher last updated the record, or null when the record does not say. It tells which of two
     * records of one measure is the newer.
     */
    Instant updatedAt();

    /**
     * The commands that record what the record says, in the order the measure's aggregate must receive them, less
     * what is {@link #leftOut()}.
     */
    List<Object> commands(ImportedFrom origin);

    /**
     * What the record says that its measure's aggregate would refuse, each with why. An import records a file in one
     * transaction, which one refused fact would roll back whole: these are left out, and named, so that the rest of
     * the record still imports.
     */
    List<String> leftOut();

    /** A BILLSTATUS file, or the congress.gov API's description of a bill. */
    record OfBill(BillRecord bill) implements OfficialRecord {

        public OfBill {
            Objects.requireNonNull(bill, "a bill record");
        }

        /**
         * The bill as the tracker records it: without the actions dated before its introduction, which a bill's
         * aggregate refuses. Records hold a few, such as a subcommittee's hearings held on the subject before the
         * bill was introduced; they move no status.
         */
        public BillRecord asRecorded() {
            return new BillRecord(
                    bill.id(),
                    bill.title(),
                    bill.introducedOn(),
                    bill.sponsor(),
                    bill.cosponsors(),
                    bill.titles(),
                    bill.actions().stream()
                            .filter(action -> !precedesIntroduction(action))
                            .toList(),
                    bill.laws(),
                    bill.updatedAt());
        }

        @Override
        public List<String> leftOut() {
            return bill.actions().stream()
                    .filter(this::precedesIntroduction)
                    .map(action -> "the action of " + action.date() + " ('" + action.text()
                            + "'), which precedes the bill's introduction on " + bill.introducedOn())
                    .toList();
        }

        private boolean precedesIntroduction(BillAction action) {
            return action.date().isBefore(bill.introducedOn());
        }

        @Override
        public String measureId() {
            return bill.id().toString();
        }

        @Override
        public Instant updatedAt() {
            return bill.updatedAt();
        }

        @Override
        public List<Object> commands(ImportedFrom origin) {
            return BillCommands.of(asRecorded(), origin);
        }
    }

    /** A roll call of either chamber. The chambers publish no update date: a correction is a file with new totals. */
    record OfRollCall(RollCallRecord rollCall) implements OfficialRecord {

        public OfRollCall {
            Objects.requireNonNull(rollCall, "a roll-call record");
        }

        @Override
        public String measureId() {
            return rollCall.voteId();
        }

        @Override
        public Instant updatedAt() {
            return null;
        }

        @Override
        public List<Object> commands(ImportedFrom origin) {
            return List.of(rollCall.command(origin));
        }

        @Override
        public List<String> leftOut() {
            return List.of();
        }
    }
}
