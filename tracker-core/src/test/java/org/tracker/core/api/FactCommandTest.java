package org.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FactCommandTest {

    private static final Instant RECORDED = Instant.parse("2026-12-01T15:00:00Z");
    private static final Provenance PROVENANCE = new Provenance(RECORDED, RECORDED, "test", "tester");
    private static final Member WILSON = new Member("W000795", "Joe Wilson", "R", "SC");
    private static final LocalDate DAY = LocalDate.of(2025, 2, 12);

    /** Every command, with the day (and time) it states as its own, or null for the facts that state none. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(new IntroduceBill("hr1229-119", "A bill", DAY, WILSON, PROVENANCE), "hr1229-119", DAY),
                Arguments.of(
                        new AssignBillTitle("hr1229-119", "Display Title", "A bill", PROVENANCE), "hr1229-119", null),
                Arguments.of(new AddCosponsor("hr1229-119", WILSON, DAY, true, PROVENANCE), "hr1229-119", DAY),
                Arguments.of(new WithdrawCosponsor("hr1229-119", "W000795", DAY, PROVENANCE), "hr1229-119", DAY),
                Arguments.of(new RecordBillAction("hr1229-119", action(null), PROVENANCE), "hr1229-119", DAY),
                Arguments.of(new RecordLaw("hr1229-119", "Public Law", "119-7", PROVENANCE), "hr1229-119", null),
                Arguments.of(vote(null), "vote-h119.1-40", DAY),
                Arguments.of(
                        new NotifyArmsSale(
                                "armssale-24-85",
                                "24-85",
                                "Israel",
                                "F-15IA aircraft",
                                18_820_000_000L,
                                DAY,
                                PROVENANCE),
                        "armssale-24-85",
                        DAY),
                Arguments.of(
                        new FileDisapprovalResolution("armssale-24-85", "sjres111-118", PROVENANCE),
                        "armssale-24-85",
                        null),
                Arguments.of(
                        new RecordWaiverProvision(
                                "waiver-faa620i",
                                WaiverStatute.FAA_620I,
                                "22 U.S.C. 2378-1(b)",
                                "A waiver",
                                "What it waives",
                                PROVENANCE),
                        "waiver-faa620i",
                        null),
                Arguments.of(
                        new InvokeWaiver(
                                "waiver-faa620i",
                                "Israel",
                                DAY,
                                DAY.plusDays(10),
                                DAY.plusYears(1),
                                "National security",
                                PROVENANCE),
                        "waiver-faa620i",
                        DAY),
                Arguments.of(
                        new RenewWaiver("waiver-faa620i", DAY, DAY.plusYears(1), "Still needed", PROVENANCE),
                        "waiver-faa620i",
                        DAY),
                Arguments.of(new RecordWaiverExpiry("waiver-faa620i", DAY, PROVENANCE), "waiver-faa620i", DAY),
                Arguments.of(
                        new RevokeWaiver("waiver-faa620i", DAY, "No longer needed", PROVENANCE), "waiver-faa620i", DAY),
                Arguments.of(
                        new SignMou(
                                "mou-2016",
                                "An MoU",
                                DAY,
                                2019,
                                2028,
                                Map.of(FundingCategory.FMF, 33_000_000_000L),
                                PROVENANCE),
                        "mou-2016",
                        DAY),
                Arguments.of(
                        new ScheduleTranche("mou-2016", 2025, FundingCategory.FMF, 3_300_000_000L, null, PROVENANCE),
                        "mou-2016",
                        null),
                Arguments.of(
                        new RecordTrancheFunding(
                                "mou-2016",
                                2025,
                                FundingCategory.FMF,
                                FundingStage.OBLIGATED,
                                3_300_000_000L,
                                PROVENANCE),
                        "mou-2016",
                        null),
                Arguments.of(new AmendMou("mou-2016", DAY, "An amendment", PROVENANCE), "mou-2016", DAY),
                Arguments.of(new RecordMouExpiry("mou-2016", DAY, PROVENANCE), "mou-2016", DAY),
                Arguments.of(
                        new MandateReport(
                                "report-nsm20-2024-05",
                                ReportKind.REPORT,
                                "A report",
                                "NSM-20",
                                "appropriate congressional committees",
                                DAY.plusMonths(3),
                                PROVENANCE),
                        "report-nsm20-2024-05",
                        null),
                Arguments.of(
                        new SubmitReport("report-nsm20-2024-05", DAY, "https://example.org/report.pdf", PROVENANCE),
                        "report-nsm20-2024-05",
                        DAY));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aCommandNamesItsMeasureAndTheDayItStates(FactCommand command, String measureId, LocalDate day) {
        assertThat(command.targetMeasureId()).isEqualTo(measureId);
        assertThat(command.factDate()).isEqualTo(day);
    }

    /** The API names the field the measure id is read from by the annotation; the two must agree. */
    @ParameterizedTest
    @MethodSource("commands")
    void theMeasureIsTheTargetAggregateIdentifier(FactCommand command) throws Exception {
        List<Object> targets = new ArrayList<>();
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (command.getClass()
                    .getDeclaredField(component.getName())
                    .isAnnotationPresent(TargetAggregateIdentifier.class)) {
                targets.add(component.getAccessor().invoke(command));
            }
        }
        assertThat(targets).containsExactly(command.targetMeasureId());
    }

    /** What the interface adds is no property: a command's JSON is its record components, as before. */
    @ParameterizedTest
    @MethodSource("commands")
    void theJsonOfACommandIsItsComponentsAlone(FactCommand command) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        JsonNode written = json.valueToTree(command);
        List<String> fields = new ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactlyElementsOf(Arrays.stream(command.getClass().getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());
    }

    @Test
    void theCommandsListedAreAllTheCommands() {
        assertThat(commands().map(arguments -> arguments.get()[0].getClass().getSimpleName()))
                .doesNotHaveDuplicates()
                .hasSize(21);
    }

    @Test
    void aFactWithoutADayTookEffectWhenItWasRecorded() {
        FactCommand title = new AssignBillTitle("hr1229-119", "Display Title", "A bill", PROVENANCE);
        assertThat(title.factTime()).isNull();
        assertThat(title.ownEffectiveAt(RECORDED)).isEqualTo(RECORDED);
    }

    @Test
    void aDayWithoutATimeTookEffectAtItsStartInWashington() {
        FactCommand introduction = new IntroduceBill("hr1229-119", "A bill", DAY, WILSON, PROVENANCE);
        assertThat(introduction.ownEffectiveAt(RECORDED)).isEqualTo(Instant.parse("2025-02-12T05:00:00Z"));
        assertThat(new RecordBillAction("hr1229-119", action(null), PROVENANCE).ownEffectiveAt(RECORDED))
                .isEqualTo(Instant.parse("2025-02-12T05:00:00Z"));
        assertThat(vote(null).ownEffectiveAt(RECORDED)).isEqualTo(Instant.parse("2025-02-12T05:00:00Z"));
    }

    @Test
    void aDayInSummerStartsAnHourEarlier() {
        FactCommand expiry = new RecordMouExpiry("mou-2016", LocalDate.of(2025, 7, 4), PROVENANCE);
        assertThat(expiry.ownEffectiveAt(RECORDED)).isEqualTo(Instant.parse("2025-07-04T04:00:00Z"));
    }

    @Test
    void anActionOrAVoteWithATimeTookEffectThenThatDayInWashington() {
        LocalTime time = LocalTime.of(14, 30);
        RecordBillAction action = new RecordBillAction("hr1229-119", action(time), PROVENANCE);
        assertThat(action.factTime()).isEqualTo(time);
        assertThat(action.ownEffectiveAt(RECORDED)).isEqualTo(Instant.parse("2025-02-12T19:30:00Z"));

        RecordRollCallVote vote = vote(time);
        assertThat(vote.factTime()).isEqualTo(time);
        assertThat(vote.ownEffectiveAt(RECORDED)).isEqualTo(Instant.parse("2025-02-12T19:30:00Z"));
    }

    @Test
    void aTimeOnTheDayTheClocksGoForwardIsReadInDaylightTime() {
        RecordBillAction action = new RecordBillAction(
                "hr1229-119",
                new BillAction(
                        LocalDate.of(2025, 3, 9),
                        LocalTime.of(15, 0),
                        "Passed.",
                        null,
                        null,
                        ActionSource.HOUSE_FLOOR,
                        List.of(),
                        null),
                PROVENANCE);
        assertThat(action.ownEffectiveAt(RECORDED)).isEqualTo(Instant.parse("2025-03-09T19:00:00Z"));
    }

    private static BillAction action(LocalTime time) {
        return new BillAction(
                DAY, time, "Referred to the Committee on Foreign Affairs.", null, null, null, List.of(), null);
    }

    private static RecordRollCallVote vote(LocalTime time) {
        return new RecordRollCallVote(
                "vote-h119.1-40",
                Chamber.HOUSE,
                119,
                1,
                40,
                DAY,
                time,
                "On Passage",
                VoteCategory.PASSAGE,
                "Passed",
                new VoteTotals(224, 187, 0, 20),
                List.of(),
                null,
                PROVENANCE);
    }
}
