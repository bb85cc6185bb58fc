package org.tracker.imports.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tracker.core.api.BillId;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.Member;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VoteCategory;
import org.tracker.core.api.VotePosition;
import org.tracker.core.api.VoteTotals;
import org.tracker.core.vote.RollCallVote;
import org.tracker.imports.ImportedFrom;
import org.tracker.imports.UnreadableRecordException;

class SenateRollCallReaderTest {

    private static final ImportedFrom ORIGIN = new ImportedFrom(
            "https://www.senate.gov/legislative/LIS/roll_call_votes/vote1182/vote_118_2_00292.xml",
            Instant.parse("2026-11-22T12:00:00Z"),
            "importer");

    private final SenateRollCallReader reader = new SenateRollCallReader(200_000);

    @Test
    void readsTheRejectedMotionToDischargeSJRes111() {
        RollCallRecord vote = reader.read(file("vote_118_2_00292.xml"));

        assertThat(vote.voteId()).isEqualTo("vote-s118.2-292");
        assertThat(vote.chamber()).isEqualTo(Chamber.SENATE);
        assertThat(vote.date()).isEqualTo(LocalDate.parse("2024-11-20"));
        assertThat(vote.time()).as("the double space the Senate writes is read").isEqualTo(LocalTime.of(17, 51));
        assertThat(vote.question()).isEqualTo("On the Motion to Discharge (Motion to Discharge S.J.Res.111)");
        assertThat(vote.category()).isEqualTo(VoteCategory.MOTION_TO_DISCHARGE);
        assertThat(vote.result()).isEqualTo("Motion Rejected");
        assertThat(vote.totals()).isEqualTo(new VoteTotals(18, 79, 1, 2));
        assertThat(vote.measure()).isEqualTo(BillId.parse("sjres111-118"));
        assertThat(vote.positions())
                .containsExactly(
                        new MemberVote(new Member("S313", "Sanders (I-VT)", "I", "VT"), VotePosition.YEA),
                        new MemberVote(new Member("S270", "Schumer (D-NY)", "D", "NY"), VotePosition.NAY),
                        new MemberVote(new Member("S414", "Welch (D-VT)", "D", "VT"), VotePosition.YEA));
    }

    @ParameterizedTest
    @CsvSource({"vote_118_2_00292.xml, sjres111-118, 18, 79", "vote_118_2_00294.xml, sjres115-118, 17, 80"})
    void takesTheTotalsFromTheCountAndLinksTheResolution(String file, String measure, int yeas, int nays) {
        RollCallRecord vote = reader.read(file(file));

        assertThat(vote.measure()).isEqualTo(BillId.parse(measure));
        assertThat(vote.totals().yea()).isEqualTo(yeas);
        assertThat(vote.totals().nay()).isEqualTo(nays);
    }

    @Test
    void recordsAVoteWhoseFileListsSomeSenatorsByItsTotalsAlone() {
        RollCallRecord vote = reader.read(file("vote_118_2_00292.xml"));
        RecordRollCallVote command = vote.command(ORIGIN);

        assertThat(vote.positionsAccountForTotals()).isFalse();
        assertThat(command.positions()).isEmpty();
        assertThat(command.provenance())
                .isEqualTo(new Provenance(
                        Instant.parse("2024-11-20T22:51:00Z"), ORIGIN.recordedAt(), ORIGIN.source(), "importer"));
        new AggregateTestFixture<>(RollCallVote.class)
                .givenNoPriorActivity()
                .when(command)
                .expectEvents(new RollCallVoteRecorded(
                        "vote-s118.2-292",
                        Chamber.SENATE,
                        118,
                        2,
                        292,
                        LocalDate.parse("2024-11-20"),
                        LocalTime.of(17, 51),
                        "On the Motion to Discharge (Motion to Discharge S.J.Res.111)",
                        VoteCategory.MOTION_TO_DISCHARGE,
                        "Motion Rejected",
                        false,
                        new VoteTotals(18, 79, 1, 2),
                        List.of(),
                        "sjres111-118",
                        command.provenance()));
    }

    @Test
    void recordsEachSenatorsPositionWhenTheFileListsEveryOne() {
        String everyone =
                """
                <roll_call_vote>
                  <congress>118</congress><session>2</session><vote_number>292</vote_number>
                  <vote_date>November 20, 2024, 05:51 PM</vote_date>
                  <question>On the Motion to Discharge</question><vote_result>Motion Rejected</vote_result>
                  <count><yeas>1</yeas><nays>1</nays><present/><absent/></count>
                  <members>
                    <member><member_full>Sanders (I-VT)</member_full><party>I</party><state>VT</state>
                      <vote_cast>Yea</vote_cast><lis_member_id>S313</lis_member_id></member>
                    <member><member_full>Schumer (D-NY)</member_full><party>D</party><state>NY</state>
                      <vote_cast>Nay</vote_cast><lis_member_id>S270</lis_member_id></member>
                  </members>
                </roll_call_vote>
                """;

        RollCallRecord vote = reader.read(stream(everyone));
        RecordRollCallVote command = vote.command(ORIGIN);

        assertThat(vote.totals()).isEqualTo(new VoteTotals(1, 1, 0, 0));
        assertThat(vote.measure()).as("no document").isNull();
        assertThat(command.positions()).hasSize(2);
        AggregateTestFixture<RollCallVote> fixture = new AggregateTestFixture<>(RollCallVote.class);
        fixture.givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution();
        fixture.givenCommands(command).when(command).expectNoEvents();
    }

    @Test
    void refusesADoctype() {
        String external =
                """
                <?xml version="1.0"?>
                <!DOCTYPE roll_call_vote [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <roll_call_vote><question>&secret;</question></roll_call_vote>
                """;

        assertThatThrownBy(() -> reader.read(stream(external)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void namesWhatAFileLacks() throws IOException {
        assertThatThrownBy(() -> reader.read(stream("<rollcall-vote/>")))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessage(
                        "not a readable Senate roll call: the root element is <rollcall-vote>, not <roll_call_vote>");
        assertThatThrownBy(() -> reader.read(stream("<roll_call_vote><congress>118</congress></roll_call_vote>")))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessage("not a readable Senate roll call: <roll_call_vote> has no <vote_date>");
        assertThatThrownBy(() -> reader.read(stream(Files.readString(file("vote_118_2_00292.xml"))
                        .replace("November 20, 2024,  05:51 PM", "20 November 2024"))))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("<vote_date> '20 November 2024' is not a date");
    }

    @Test
    void refusesAFileOverTheLimit() {
        assertThatThrownBy(() -> new SenateRollCallReader(1_000).read(file("vote_118_2_00292.xml")))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("than the limit of 1000 bytes for a Senate roll call");
    }

    static Path file(String name) {
        try {
            return Path.of(SenateRollCallReaderTest.class
                    .getResource("/rollcall/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
