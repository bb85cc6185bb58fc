package org.tracker.core.vote;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.Member;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VoteCategory;
import org.tracker.core.api.VotePosition;
import org.tracker.core.api.VoteTotals;

class RollCallVoteTest {

    private static final Provenance PROVENANCE = new Provenance(
            Instant.parse("2024-11-20T23:00:00Z"),
            Instant.parse("2024-11-21T09:15:00Z"),
            "https://www.senate.gov/legislative/LIS/roll_call_votes/vote1182/vote_118_2_00289.xml",
            "analyst");

    private static final String VOTE_ID = "vote-s118.2-289";
    private static final LocalDate DATE = LocalDate.of(2024, 11, 20);
    private static final LocalTime TIME = LocalTime.of(18, 2);
    private static final String QUESTION = "On the Joint Resolution";
    private static final String MEASURE_ID = "sjres111-118";

    private static final List<MemberVote> POSITIONS = List.of(
            new MemberVote(new Member("S313", "Sanders (I-VT)", "I", "VT"), VotePosition.YEA),
            new MemberVote(new Member("S414", "Welch (D-VT)", "D", "VT"), VotePosition.YEA),
            new MemberVote(new Member("S270", "Schumer (D-NY)", "D", "NY"), VotePosition.NAY));
    private static final VoteTotals TOTALS_OF_POSITIONS = new VoteTotals(2, 1, 0, 0);

    private final AggregateTestFixture<RollCallVote> fixture = new AggregateTestFixture<>(RollCallVote.class);

    private static RecordRollCallVote record(
            String voteId, String result, VoteTotals totals, List<MemberVote> positions, String measureId) {
        return new RecordRollCallVote(
                voteId,
                Chamber.SENATE,
                118,
                2,
                289,
                DATE,
                TIME,
                QUESTION,
                VoteCategory.PASSAGE,
                result,
                totals,
                positions,
                measureId,
                PROVENANCE);
    }

    private static RecordRollCallVote record(String result, VoteTotals totals, List<MemberVote> positions) {
        return record(VOTE_ID, result, totals, positions, MEASURE_ID);
    }

    private static RollCallVoteRecorded recorded(
            String result, boolean passed, VoteTotals totals, List<MemberVote> positions, String measureId) {
        return new RollCallVoteRecorded(
                VOTE_ID,
                Chamber.SENATE,
                118,
                2,
                289,
                DATE,
                TIME,
                QUESTION,
                VoteCategory.PASSAGE,
                result,
                passed,
                totals,
                positions,
                measureId,
                PROVENANCE);
    }

    private static RollCallVoteRecorded recorded(String result, boolean passed, VoteTotals totals) {
        return recorded(result, passed, totals, POSITIONS, MEASURE_ID);
    }

    @Test
    void aRollCallIsRecordedWithWhetherTheQuestionCarried() {
        fixture.givenNoPriorActivity()
                .when(record(" Joint Resolution Passed ", TOTALS_OF_POSITIONS, POSITIONS))
                .expectEvents(recorded("Joint Resolution Passed", true, TOTALS_OF_POSITIONS));
    }

    @Test
    void aRejectedMotionIsRecordedAsNotCarried() {
        fixture.givenNoPriorActivity()
                .when(record("Motion Rejected", TOTALS_OF_POSITIONS, POSITIONS))
                .expectEvents(recorded("Motion Rejected", false, TOTALS_OF_POSITIONS));
    }

    @Test
    void theSenatesWordingOfADefeatedJointResolutionIsRecordedAsNotCarried() {
        VoteTotals totals = new VoteTotals(18, 79, 0, 3);
        fixture.givenNoPriorActivity()
                .when(record("Joint Resolution Defeated", totals, List.of()))
                .expectEvents(recorded("Joint Resolution Defeated", false, totals, List.of(), MEASURE_ID));
    }

    @Test
    void aRollCallOnNoMeasureIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(VOTE_ID, "Motion Rejected", TOTALS_OF_POSITIONS, POSITIONS, null))
                .expectEvents(recorded("Motion Rejected", false, TOTALS_OF_POSITIONS, POSITIONS, null));
    }

    @Test
    void theSameRollCallTwiceRecordsNothing() {
        fixture.given(recorded("Joint Resolution Passed", true, TOTALS_OF_POSITIONS))
                .when(record("Joint Resolution Passed", TOTALS_OF_POSITIONS, POSITIONS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void otherTotalsAreRecordedAsTheChambersCorrection() {
        VoteTotals published = new VoteTotals(18, 79, 0, 3);
        VoteTotals corrected = new VoteTotals(19, 78, 0, 3);
        fixture.given(recorded("Motion Rejected", false, published, List.of(), MEASURE_ID))
                .when(record("Motion Rejected", corrected, List.of()))
                .expectEvents(
                        new RollCallVoteCorrected(VOTE_ID, "Motion Rejected", false, corrected, List.of(), PROVENANCE));
    }

    @Test
    void anIdThatNamesAnotherRollCallIsRefused() {
        fixture.givenNoPriorActivity()
                .when(record("vote-s118.1-289", "Joint Resolution Passed", TOTALS_OF_POSITIONS, POSITIONS, MEASURE_ID))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("expected '" + VOTE_ID + "'"))
                .expectNoEvents();
    }

    @Test
    void positionsThatDoNotAddUpToTheTotalsAreRefused() {
        fixture.givenNoPriorActivity()
                .when(record("Joint Resolution Passed", new VoteTotals(3, 0, 0, 0), POSITIONS))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("positions add up to 2 yea, 1 nay"))
                .expectNoEvents();
    }

    @Test
    void aResultThatSaysNeitherCarriedNorFailedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(record("Vote Taken", TOTALS_OF_POSITIONS, POSITIONS))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("cannot tell from the result 'Vote Taken'"))
                .expectNoEvents();
    }

    @Test
    void aMeasureThatIsNotABillIdIsRefused() {
        assertThatThrownBy(
                        () -> record(VOTE_ID, "Joint Resolution Passed", TOTALS_OF_POSITIONS, POSITIONS, "S.J.Res.111"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a measure id");
    }

    @Test
    void aRollCallWithoutQuestionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordRollCallVote(
                        VOTE_ID,
                        Chamber.SENATE,
                        118,
                        2,
                        289,
                        DATE,
                        TIME,
                        " ",
                        VoteCategory.PASSAGE,
                        "Joint Resolution Passed",
                        TOTALS_OF_POSITIONS,
                        POSITIONS,
                        MEASURE_ID,
                        PROVENANCE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("a vote has a question")
                .expectNoEvents();
    }
}
