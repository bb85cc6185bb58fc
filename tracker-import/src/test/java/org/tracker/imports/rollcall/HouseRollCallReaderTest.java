package org.tracker.imports.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tracker.imports.rollcall.SenateRollCallReaderTest.file;
import static org.tracker.imports.rollcall.SenateRollCallReaderTest.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracker.core.api.BillId;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.Member;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VoteCategory;
import org.tracker.core.api.VotePosition;
import org.tracker.core.api.VoteTotals;
import org.tracker.core.vote.RollCallVote;
import org.tracker.imports.ImportedFrom;
import org.tracker.imports.UnreadableRecordException;

class HouseRollCallReaderTest {

    private static final ImportedFrom ORIGIN = new ImportedFrom(
            "https://clerk.house.gov/evs/2024/roll209.xml", Instant.parse("2026-11-22T12:00:00Z"), "importer");

    private static final String CLERK_HEAD =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rollcall-vote PUBLIC "-//US Congress//DTDs/vote v1.0 20031119 //EN" "%s">
            """;

    private final HouseRollCallReader reader = new HouseRollCallReader(500_000);

    @Test
    void readsThePassageOfHR8369() {
        RollCallRecord vote = reader.read(file("roll209.xml"));

        assertThat(vote.voteId()).isEqualTo("vote-h118.2-209");
        assertThat(vote.chamber()).isEqualTo(Chamber.HOUSE);
        assertThat(vote.session()).isEqualTo(2);
        assertThat(vote.date()).isEqualTo(LocalDate.parse("2024-05-16"));
        assertThat(vote.time()).isEqualTo(LocalTime.of(17, 16));
        assertThat(vote.question()).isEqualTo("On Passage");
        assertThat(vote.category()).isEqualTo(VoteCategory.PASSAGE);
        assertThat(vote.result()).isEqualTo("Passed");
        assertThat(vote.totals()).isEqualTo(new VoteTotals(224, 187, 0, 20));
        assertThat(vote.measure()).isEqualTo(BillId.parse("hr8369-118"));
        assertThat(vote.positions())
                .contains(new MemberVote(new Member("C000059", "Calvert", "R", "CA"), VotePosition.YEA))
                .contains(new MemberVote(new Member("O000172", "Ocasio-Cortez", "D", "NY"), VotePosition.NAY))
                .hasSize(3);
    }

    @Test
    void recordsThePassageOnceHoweverOftenItIsImported() {
        RecordRollCallVote command = reader.read(file("roll209.xml")).command(ORIGIN);

        assertThat(command.measureId()).isEqualTo("hr8369-118");
        assertThat(command.provenance().effectiveAt())
                .as("17:16 in Washington, in summer")
                .isEqualTo(Instant.parse("2024-05-16T21:16:00Z"));
        RollCallVoteRecorded recorded = new RollCallVoteRecorded(
                "vote-h118.2-209",
                Chamber.HOUSE,
                118,
                2,
                209,
                LocalDate.parse("2024-05-16"),
                LocalTime.of(17, 16),
                "On Passage",
                VoteCategory.PASSAGE,
                "Passed",
                true,
                new VoteTotals(224, 187, 0, 20),
                List.of(),
                "hr8369-118",
                command.provenance());
        AggregateTestFixture<RollCallVote> fixture = new AggregateTestFixture<>(RollCallVote.class);
        fixture.givenNoPriorActivity().when(command).expectEvents(recorded);
        fixture.given(recorded).when(command).expectNoEvents();
    }

    @Test
    void neverFetchesTheDtdTheDoctypeNames(@TempDir Path dir) throws IOException {
        Path dtd = Files.writeString(dir.resolve("vote.dtd"), "<!ENTITY question \"On Passage, fetched\">");
        String roll209 = readRoll209();
        String named = CLERK_HEAD.formatted(dtd.toUri())
                + roll209.substring(roll209.indexOf("<rollcall-vote>"))
                        .replace(
                                "<vote-question>On Passage</vote-question>",
                                "<vote-question>&question;</vote-question>");

        assertThatThrownBy(() -> reader.read(stream(named)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("<vote-metadata> has no <vote-question>");
    }

    @Test
    void refusesAnEntityDeclaredInTheDoctype() {
        String laughs =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rollcall-vote [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                ]>
                <rollcall-vote><vote-metadata><vote-question>&lol2;</vote-question></vote-metadata></rollcall-vote>
                """;

        assertThatThrownBy(() -> reader.read(stream(laughs)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("refused: the DOCTYPE declares the entity 'lol'");
    }

    @Test
    void refusesAnExternalEntityDeclaredInTheDoctype() {
        String external =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rollcall-vote [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rollcall-vote><vote-metadata><vote-question>&secret;</vote-question></vote-metadata></rollcall-vote>
                """;

        assertThatThrownBy(() -> reader.read(stream(external)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("refused: the DOCTYPE declares the external entity 'secret'");
    }

    @Test
    void refusesMalformedXmlWithWhere() {
        assertThatThrownBy(() ->
                        reader.read(stream(CLERK_HEAD.formatted("../vote.dtd") + "<rollcall-vote><vote-metadata>")))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("not well-formed XML at line");
    }

    @Test
    void aQuorumCallNamesNoMeasure() {
        String quorum = readRoll209().replace("H R 8369", "QUORUM");

        assertThat(reader.read(stream(quorum)).measure()).isNull();
    }

    private static String readRoll209() {
        try {
            return Files.readString(file("roll209.xml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
