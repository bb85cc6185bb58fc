package org.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequireTest {

    private static final Provenance PROVENANCE =
            new Provenance(Instant.parse("2025-02-12T05:00:00Z"), Instant.parse("2025-02-13T00:00:00Z"), "test", "t");

    @Nested
    class Texts {

        @Test
        void aTextAtItsLimitPassesAndOneCharacterMoreIsRefused() {
            assertThat(Require.text("a".repeat(10), "title", 10)).hasSize(10);
            assertThatThrownBy(() -> Require.text("a".repeat(11), "title", 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'title' is 11 characters long; at most 10 are allowed");
        }

        @Test
        void newlinesTabsAndEveryScriptPass() {
            String text = "Line one\n\tline two: שלום, Ελλάδα, 日本, emoji \uD83C\uDDFA\uD83C\uDDF8, nbsp\u00A0end";
            assertThat(Require.text(text, "text", 1000)).isEqualTo(text);
        }

        @ParameterizedTest
        @ValueSource(
                chars = {
                    '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\r', '\u001B', '\u001F', '\u007F', '\u0080',
                    '\u0085', '\u009F', '\uFFFE', '\uFFFF'
                })
        void controlCharactersAndNonCharactersAreRefused(char refused) {
            assertThatThrownBy(() -> Require.text("ab" + refused + "c", "title", 100))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'title' holds the character U+%04X at position 2", (int) refused);
        }

        @Test
        void unpairedSurrogatesAreRefused() {
            assertThatThrownBy(() -> Require.text("a\uD83C", "title", 100))
                    .hasMessageContaining("U+D83C at position 1");
            assertThatThrownBy(() -> Require.text("\uDDFAa", "title", 100))
                    .hasMessageContaining("U+DDFA at position 0");
            assertThatThrownBy(() -> Require.text("\uDDFA\uD83C", "title", 100))
                    .hasMessageContaining("U+DDFA at position 0");
        }

        @Test
        void commandsBoundTheirTexts() {
            assertThatThrownBy(() -> new IntroduceBill(
                            "hr1229-119", "t".repeat(FactLimits.BILL_TITLE + 1), null, null, PROVENANCE))
                    .hasMessageContaining("'title' is 8001 characters long");
            assertThatThrownBy(() -> new IntroduceBill("hr1229-119", "a\u0000b", null, null, PROVENANCE))
                    .hasMessageContaining("U+0000");
            BillAction longAction = new BillAction(
                    LocalDate.of(2025, 2, 12),
                    null,
                    "x".repeat(FactLimits.ACTION_TEXT + 1),
                    null,
                    null,
                    null,
                    List.of(),
                    null);
            assertThatThrownBy(() -> new RecordBillAction("hr1229-119", longAction, PROVENANCE))
                    .hasMessageContaining("'action.text' is 10001 characters long");
            Provenance badSource = new Provenance(
                    PROVENANCE.effectiveAt(), PROVENANCE.recordedAt(), "file\u0007.xml", PROVENANCE.submittedBy());
            assertThatThrownBy(() -> new RecordMouExpiry("mou-2016", null, badSource))
                    .hasMessageContaining("'source' holds the character U+0007");
        }
    }

    @Nested
    class Members {

        @Test
        void sponsorsAreNamedByBioguideIdsInTheirOfficialForm() {
            assertThat(Require.sponsor(new Member("W000795", "Joe Wilson", "R", "SC"), "sponsor"))
                    .isNotNull();
            assertThatThrownBy(() -> Require.sponsor(new Member("w000795", "Joe Wilson", "R", "SC"), "sponsor"))
                    .hasMessage("'sponsor.bioguideId' 'w000795' is not written as the official record writes it;"
                            + " write 'W000795'");
            assertThatThrownBy(() -> Require.sponsor(new Member("S354", "A Senator", "R", "SC"), "sponsor"))
                    .hasMessageContaining("is not a member id");
            assertThatThrownBy(() -> Require.bioguideId("W0007950", "bioguideId"))
                    .hasMessageContaining("is not a member id");
        }

        @Test
        void votersMayBeNamedByTheSenatesLisIds() {
            assertThat(Require.voter(new Member("S354", "Sanders", "I", "VT"), "member"))
                    .isNotNull();
            assertThatThrownBy(() -> Require.voter(new Member("s354", "Sanders", "I", "VT"), "member"))
                    .hasMessageContaining("write 'S354'");
            assertThatThrownBy(() -> Require.voter(new Member("S3540", "Sanders", "I", "VT"), "member"))
                    .hasMessageContaining("is not a member id");
        }

        @Test
        void namesAreBounded() {
            assertThatThrownBy(() -> Require.sponsor(
                            new Member("W000795", "n".repeat(FactLimits.MEMBER_NAME + 1), "R", "SC"), "sponsor"))
                    .hasMessageContaining("'sponsor.name' is 201 characters long");
        }
    }

    @Nested
    class Numbers {

        @Test
        void dollarsAreNeitherNegativeNorAbsurd() {
            assertThat(Require.dollars(0, "valueUsd")).isZero();
            assertThat(Require.dollars(FactLimits.MAX_USD, "valueUsd")).isEqualTo(FactLimits.MAX_USD);
            assertThatThrownBy(() -> Require.dollars(-1, "valueUsd")).hasMessageContaining("'valueUsd' is -1");
            assertThatThrownBy(() -> Require.dollars(FactLimits.MAX_USD + 1, "valueUsd"))
                    .hasMessageContaining("between 0 and 10000000000000");
            assertThatThrownBy(() -> new SignMou(
                            "mou-2016", "t", null, 2019, 2028, Map.of(FundingCategory.FMF, Long.MAX_VALUE), PROVENANCE))
                    .hasMessageContaining("'totalsUsd.FMF'");
        }

        @Test
        void aRollCallCountsNoMoreMembersThanItsChamberSeats() {
            assertThat(vote(Chamber.SENATE, new VoteTotals(51, 50, 0, 0))).isNotNull();
            assertThatThrownBy(() -> vote(Chamber.SENATE, new VoteTotals(51, 50, 1, 0)))
                    .hasMessage("'totals' count 102 members; the senate has 101 seats");
            assertThat(vote(Chamber.HOUSE, new VoteTotals(224, 187, 0, 30))).isNotNull();
            assertThatThrownBy(() -> vote(Chamber.HOUSE, new VoteTotals(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0)))
                    .hasMessageContaining("the house has 441 seats");
        }

        private RecordRollCallVote vote(Chamber chamber, VoteTotals totals) {
            return new RecordRollCallVote(
                    VoteId.of(chamber, 118, 2, 292),
                    chamber,
                    118,
                    2,
                    292,
                    LocalDate.of(2024, 11, 20),
                    null,
                    "On the Motion to Discharge",
                    VoteCategory.MOTION_TO_DISCHARGE,
                    "Motion Rejected",
                    totals,
                    List.of(),
                    null,
                    PROVENANCE);
        }
    }
}
