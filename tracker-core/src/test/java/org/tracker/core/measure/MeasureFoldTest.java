package org.tracker.core.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.ArmsSaleNotified;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillActionRecorded;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.BillType;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VoteCategory;
import org.tracker.core.api.VoteStatus;
import org.tracker.core.api.VoteTotals;

/** The fold on its own: rows in a map, events applied in order, redelivery, out-of-order votes, transitions. */
class MeasureFoldTest {

    static final Provenance FROM_TEST = new Provenance(Instant.EPOCH, Instant.EPOCH, "test", "tester");

    final Map<String, MeasureRow> rows = new HashMap<>();

    /** @return the ids of the rows the event changed */
    List<String> apply(MeasureEvent event, long sequence) {
        MeasureFold fold = MeasureFold.over(rows);
        fold.apply(new SequencedEvent("event-" + sequence, sequence, event));
        return fold.changedRows().stream().map(row -> row.measureId).toList();
    }

    static BillIntroduced introduced(String id) {
        return new BillIntroduced(
                id, BillType.SJRES, 111, 118, "Disapproval", LocalDate.of(2024, 9, 25), null, FROM_TEST);
    }

    static RollCallVoteRecorded vote(String voteId, LocalDate on, int yea, int nay) {
        return new RollCallVoteRecorded(
                voteId,
                Chamber.SENATE,
                118,
                2,
                1,
                on,
                null,
                "On the Motion to Discharge",
                VoteCategory.MOTION_TO_DISCHARGE,
                "Motion Rejected",
                false,
                new VoteTotals(yea, nay, 0, 100 - yea - nay),
                List.of(),
                "sjres111-118",
                FROM_TEST);
    }

    @Test
    void statusAndLastActionFollowTheEvents() {
        apply(introduced("sjres111-118"), 0);
        BillAction referral = new BillAction(
                LocalDate.of(2024, 9, 25),
                null,
                "Read twice and referred to the Committee on Foreign Relations.",
                null,
                null,
                ActionSource.SENATE,
                List.of(),
                null);
        apply(new BillActionRecorded("sjres111-118", referral, FROM_TEST), 1);
        apply(
                new BillStatusChanged(
                        "sjres111-118",
                        BillStatus.INTRODUCED,
                        BillStatus.REFERRED,
                        referral.date(),
                        referral.text(),
                        FROM_TEST),
                2);

        MeasureRow row = rows.get("sjres111-118");
        assertThat(row.kind).isEqualTo("BILL");
        assertThat(row.chamber).isEqualTo("SENATE");
        assertThat(row.status).isEqualTo("REFERRED");
        assertThat(row.lastActionText).isEqualTo(referral.text());
        assertThat(row.lastSequence).isEqualTo(2);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        apply(introduced("sjres111-118"), 0);
        apply(
                new BillStatusChanged(
                        "sjres111-118",
                        BillStatus.INTRODUCED,
                        BillStatus.REFERRED,
                        LocalDate.of(2024, 9, 25),
                        "x",
                        FROM_TEST),
                1);

        List<String> changed = apply(introduced("sjres111-118"), 0);

        assertThat(changed).isEmpty();
        assertThat(rows.get("sjres111-118").status).isEqualTo("REFERRED");
    }

    @Test
    void theMeasureKeepsItsLatestVoteWhateverOrderTheyArriveIn() {
        apply(vote("vote-s118.2-294", LocalDate.of(2024, 11, 20), 17, 80), 0);
        apply(vote("vote-s118.2-100", LocalDate.of(2024, 6, 1), 50, 49), 0);

        MeasureRow measure = rows.get("sjres111-118");
        assertThat(measure.latestVoteId).isEqualTo("vote-s118.2-294");
        assertThat(measure.latestVoteYea).isEqualTo(17);
        assertThat(rows.get("vote-s118.2-294").status).isEqualTo("FAILED");
    }

    @Test
    void anArmsSaleShowsWhenItsReviewCloses() {
        apply(
                new ArmsSaleNotified(
                        "armssale-25-34",
                        "25-34",
                        "Israel",
                        "bomb bodies",
                        2_040_000_000L,
                        LocalDate.of(2025, 3, 3),
                        15,
                        LocalDate.of(2025, 3, 18),
                        FROM_TEST),
                0);

        MeasureRow row = rows.get("armssale-25-34");
        assertThat(row.status).isEqualTo("UNDER_REVIEW");
        assertThat(row.nextDeadline).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(row.nextDeadlineLabel).isEqualTo("15-day congressional review closes");
    }

    @Test
    void aBatchReportsTheTransitionsItsEventsMadeInTheirOrder() {
        MeasureFold fold = MeasureFold.over(rows);
        BillAction referral = new BillAction(
                LocalDate.of(2024, 9, 25), null, "Referred.", null, null, ActionSource.SENATE, List.of(), null);
        fold.apply(new SequencedEvent("a", 0, introduced("sjres111-118")));
        fold.apply(new SequencedEvent("b", 1, new BillActionRecorded("sjres111-118", referral, FROM_TEST)));
        MeasureFold.Applied moved = fold.apply(new SequencedEvent(
                "c",
                2,
                new BillStatusChanged(
                        "sjres111-118", BillStatus.INTRODUCED, BillStatus.REFERRED, referral.date(), "x", FROM_TEST)));

        assertThat(moved.news()).isTrue();
        assertThat(moved.transition())
                .contains(new Transition("sjres111-118", BillStatus.INTRODUCED, BillStatus.REFERRED, referral.date()));
        assertThat(fold.transitions())
                .containsExactly(
                        new Transition("sjres111-118", null, BillStatus.INTRODUCED, LocalDate.of(2024, 9, 25)),
                        new Transition("sjres111-118", BillStatus.INTRODUCED, BillStatus.REFERRED, referral.date()));
        assertThat(fold.changedRows()).extracting(row -> row.measureId).containsExactly("sjres111-118");
    }

    @Test
    void anEventSeenBeforeMakesNoTransition() {
        apply(introduced("sjres111-118"), 0);
        MeasureFold again = MeasureFold.over(rows);

        MeasureFold.Applied applied = again.apply(new SequencedEvent("a", 0, introduced("sjres111-118")));

        assertThat(applied.news()).isFalse();
        assertThat(applied.transition()).isEmpty();
        assertThat(again.transitions()).isEmpty();
    }

    @Test
    void aRollCallTouchesTheMeasureItWasOnAndItsOwnRow() {
        RollCallVoteRecorded vote = vote("vote-s118.2-294", LocalDate.of(2024, 11, 20), 17, 80);

        assertThat(MeasureFold.touchedBy(List.of(
                        new SequencedEvent("a", 0, introduced("sjres111-118")), new SequencedEvent("b", 0, vote))))
                .containsExactly("sjres111-118", "vote-s118.2-294");
        MeasureFold fold = MeasureFold.over(rows);
        fold.apply(new SequencedEvent("b", 0, vote));
        assertThat(fold.transitions())
                .containsExactly(
                        new Transition("vote-s118.2-294", null, VoteStatus.FAILED, LocalDate.of(2024, 11, 20)));
    }
}
