package org.tracker.notify.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.BillTitleAssigned;
import org.tracker.core.api.Member;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VoteTotals;

class ChangesTest {

    static final Instant LEARNED = Instant.parse("2025-02-13T15:00:00Z");
    static final String ROLL_CALL_292 = "SENATE roll call 292 (2024-11-20) on sjres111-118, 'On the Motion to"
            + " Discharge (S.J.Res. 111)': Motion to Discharge Rejected, 18-79, 1 present, 2 not voting";

    final Measures measures = new Measures();

    @Test
    void anIntroducedBillHasAStatusAndNoPreviousOne() {
        List<Change> changes = measures.record("event-1", Facts.introduced(LEARNED));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.trigger()).isEqualTo(Trigger.STATUS_CHANGED);
            assertThat(change.summary()).isEqualTo("Status is INTRODUCED");
            assertThat(change.from()).isNull();
            assertThat(change.to()).isEqualTo("INTRODUCED");
            assertThat(change.on()).isEqualTo(LocalDate.of(2025, 2, 12));
            assertThat(change.measureId()).isEqualTo(Facts.BILL);
            assertThat(change.recordedAt()).isEqualTo(LEARNED);
            assertThat(change.source()).isEqualTo(Facts.SOURCE);
            assertThat(change.eventId()).isEqualTo("event-1");
            assertThat(change.daysLeft()).isNull();
        });
    }

    @Test
    void aStatusChangeSaysFromWhatToWhatAndBecauseOfWhichAction() {
        measures.record("event-1", Facts.introduced(LEARNED));

        List<Change> changes = measures.record("event-2", Facts.referred(LEARNED));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.trigger()).isEqualTo(Trigger.STATUS_CHANGED);
            assertThat(change.summary())
                    .isEqualTo("Status changed from INTRODUCED to REFERRED"
                            + " (Referred to the House Committee on Foreign Affairs.)");
            assertThat(change.from()).isEqualTo("INTRODUCED");
            assertThat(change.to()).isEqualTo("REFERRED");
            assertThat(change.on()).isEqualTo(LocalDate.of(2025, 2, 12));
            assertThat(change.eventId()).isEqualTo("event-2");
        });
    }

    @Test
    void anActionIsToldWithItsDateAndText() {
        measures.record("event-1", Facts.introduced(LEARNED));

        List<Change> changes = measures.record("event-2", Facts.actionRecorded(Facts.referral(), LEARNED));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.trigger()).isEqualTo(Trigger.ACTION_RECORDED);
            assertThat(change.summary())
                    .isEqualTo("New action on 2025-02-12: Referred to the House Committee on Foreign Affairs.");
            assertThat(change.from()).isNull();
            assertThat(change.to()).isEqualTo("Referred to the House Committee on Foreign Affairs.");
            assertThat(change.on()).isEqualTo(LocalDate.of(2025, 2, 12));
        });
    }

    @Test
    void anAddedCosponsorIsNamedWithPartyAndState() {
        measures.record("event-1", Facts.introduced(LEARNED));

        List<Change> changes = measures.record("event-2", Facts.cosponsorAdded(Facts.COSPONSOR, LEARNED));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.trigger()).isEqualTo(Trigger.COSPONSOR_CHANGED);
            assertThat(change.summary()).isEqualTo("Brett Guthrie (R-KY) became a cosponsor on 2025-02-20");
            assertThat(change.from()).isNull();
            assertThat(change.to()).isEqualTo("G000558");
            assertThat(change.on()).isEqualTo(LocalDate.of(2025, 2, 20));
        });
    }

    @Test
    void aCosponsorKnownOnlyByIdIsNamedByIt() {
        measures.record("event-1", Facts.introduced(LEARNED));

        List<Change> changes =
                measures.record("event-2", Facts.cosponsorAdded(new Member("M001157", null, null, null), LEARNED));

        assertThat(changes)
                .singleElement()
                .extracting(Change::summary)
                .isEqualTo("M001157 became a cosponsor on 2025-02-20");
    }

    @Test
    void aWithdrawnCosponsorIsWhatTheChangeIsFrom() {
        measures.record("event-1", Facts.introduced(LEARNED));
        measures.record("event-2", Facts.cosponsorAdded(Facts.COSPONSOR, LEARNED));

        List<Change> changes =
                measures.record("event-3", Facts.cosponsorWithdrawn(Facts.COSPONSOR.bioguideId(), LEARNED));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.trigger()).isEqualTo(Trigger.COSPONSOR_CHANGED);
            assertThat(change.summary()).isEqualTo("G000558 withdrew as a cosponsor on 2025-03-04");
            assertThat(change.from()).isEqualTo("G000558");
            assertThat(change.to()).isNull();
            assertThat(change.on()).isEqualTo(LocalDate.of(2025, 3, 4));
        });
    }

    /** A roll call's own status (carried or failed) is its result, already told by the vote: not a second change. */
    @Test
    void aRollCallIsAVoteOnItsOwnMeasureAndNotAStatusChange() {
        List<Change> changes = measures.record("event-1", Facts.rollCall(LEARNED));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.trigger()).isEqualTo(Trigger.VOTE_RECORDED);
            assertThat(change.measureId()).isEqualTo(Facts.VOTE);
            assertThat(change.summary()).isEqualTo(ROLL_CALL_292);
            assertThat(change.to()).isEqualTo("Motion to Discharge Rejected");
            assertThat(change.on()).isEqualTo(LocalDate.of(2024, 11, 20));
            assertThat(change.eventId()).isEqualTo("event-1");
        });
    }

    @Test
    void aRollCallIsAVoteOnTheMeasureItWasOn() {
        RollCallVoteRecorded vote = Facts.rollCall(LEARNED);
        measures.record("event-1", vote);

        Change change = Changes.toMeasureVotedOn(
                vote, "event-1", measures.get(Facts.RESOLUTION).row());

        assertThat(change.trigger()).isEqualTo(Trigger.VOTE_RECORDED);
        assertThat(change.measureId()).isEqualTo(Facts.RESOLUTION);
        assertThat(change.summary()).isEqualTo(ROLL_CALL_292);
        assertThat(change.to()).isEqualTo("Motion to Discharge Rejected");
        assertThat(change.on()).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(change.eventId()).isEqualTo("event-1");
        assertThat(change.source()).isEqualTo(Facts.SOURCE);
    }

    @Test
    void aCorrectedRollCallIsToldWithItsNewTallyOnTheDateOfTheVote() {
        measures.record("event-1", Facts.rollCall(LEARNED));

        List<Change> changes = measures.record(
                "event-2",
                new RollCallVoteCorrected(
                        Facts.VOTE,
                        "Motion to Discharge Rejected",
                        false,
                        new VoteTotals(18, 79, 0, 3),
                        List.of(),
                        Facts.learnedAt(LEARNED)));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.trigger()).isEqualTo(Trigger.VOTE_RECORDED);
            assertThat(change.summary())
                    .isEqualTo(
                            "Roll call vote-s118.2-292 corrected: Motion to Discharge Rejected, 18-79, 3 not voting");
            assertThat(change.on()).isEqualTo(LocalDate.of(2024, 11, 20));
        });
    }

    @Test
    void aFactWithNoSpecificChangeIsAnyFactNamedInWordsOnItsDateInWashington() {
        measures.record("event-1", Facts.introduced(LEARNED));
        // 03:00 UTC on the 13th is still the evening of the 12th in Washington.
        Provenance lateEvening =
                new Provenance(Instant.parse("2025-02-13T03:00:00Z"), LEARNED, Facts.SOURCE, "operator");

        List<Change> changes = measures.record(
                "event-2",
                new BillTitleAssigned(Facts.BILL, "Short Titles as Introduced", Facts.BILL_TITLE, lateEvening));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.trigger()).isEqualTo(Trigger.ANY_FACT);
            assertThat(change.summary()).isEqualTo("New fact: Bill title assigned");
            assertThat(change.from()).isNull();
            assertThat(change.to()).isNull();
            assertThat(change.on()).isEqualTo(LocalDate.of(2025, 2, 12));
            assertThat(change.eventId()).isEqualTo("event-2");
        });
    }
}
