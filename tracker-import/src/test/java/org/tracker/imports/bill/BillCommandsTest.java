package org.tracker.imports.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tracker.core.api.AddCosponsor;
import org.tracker.core.api.AssignBillTitle;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.BillTitleAssigned;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.api.RecordLaw;
import org.tracker.core.api.WithdrawCosponsor;
import org.tracker.core.bill.Bill;
import org.tracker.imports.Fixtures;
import org.tracker.imports.Fixtures.Expected;
import org.tracker.imports.ImportedFrom;
import org.tracker.imports.InMemoryBills;
import org.tracker.imports.bill.BillRecord.Cosponsor;
import org.tracker.imports.billstatus.BillStatusReader;

class BillCommandsTest {

    private static final BillStatusReader READER = new BillStatusReader(4_000_000);
    private static final Instant FIRST_IMPORT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant SECOND_IMPORT = Instant.parse("2026-11-21T10:00:00Z");

    /** H.R. 3106's file lists a subcommittee's hearing before the bill's introduction, which the aggregate refuses. */
    private static final String HEARING_BEFORE_INTRODUCTION = "BILLSTATUS-114hr3106.xml";

    /**
     * Files whose import leaves the aggregate with statuses beyond those EXPECTED.tsv lists, because the aggregate
     * derives a status after each action, and a later action of the same day can change what an earlier one meant.
     */
    private static final Map<String, String> HISTORIES_WITH_DETOURS = Map.of(
            "BILLSTATUS-114sconres11.xml",
            "the House agreed to S. Con. Res. 11 as amended at 1:55 PM and asked for a conference at 1:56 PM: after"
                    + " the first action the aggregate records PASS_BACK:HOUSE, after the second it is back to"
                    + " PASS_OVER:SENATE",
            "BILLSTATUS-114hr3762.xml",
            "the aggregate records REPORTED, which EXPECTED.tsv leaves out (see ExpectedStatusTest)");

    static List<Expected> files() {
        return Fixtures.expected();
    }

    @Test
    void introducesTheBillThenTitlesCosponsorsActionsOldestFirstAndLaws() {
        BillRecord bill = read("BILLSTATUS-114hr22.xml");
        ImportedFrom origin = origin("BILLSTATUS-114hr22.xml", FIRST_IMPORT);

        List<Object> commands = BillCommands.of(bill, origin);

        assertThat(commands.get(0))
                .isEqualTo(new IntroduceBill(
                        "hr22-114",
                        bill.title(),
                        LocalDate.parse("2015-01-06"),
                        bill.sponsor(),
                        origin.effectiveOn(LocalDate.parse("2015-01-06"))));
        assertThat(commands).extracting(BillCommandsTest::place).isSorted().contains(0, 1, 2, 3, 4);
        assertThat(commands).filteredOn(IntroduceBill.class::isInstance).hasSize(1);
        assertThat(commands.get(commands.size() - 1))
                .isEqualTo(new RecordLaw(
                        "hr22-114", "Public Law", "114-94", origin.effectiveOn(LocalDate.parse("2015-12-04"))));
        List<LocalDate> actionDates = actions(commands).stream()
                .map(command -> command.action().date())
                .toList();
        assertThat(actionDates).isSorted().hasSize(bill.actions().size());
    }

    @Test
    void eachFactTakesEffectAtItsOwnDateInWashington() {
        BillRecord bill = read("BILLSTATUS-114hr22.xml");
        List<Object> commands = BillCommands.of(bill, origin("BILLSTATUS-114hr22.xml", FIRST_IMPORT));

        RecordBillAction conferenceReport = actions(commands).stream()
                .filter(command -> command.action().text().startsWith("On agreeing to the conference report"))
                .findFirst()
                .orElseThrow();
        assertThat(conferenceReport.provenance().effectiveAt())
                .as("13:25 in Washington, in winter")
                .isEqualTo(Instant.parse("2015-12-03T18:25:00Z"));
        assertThat(conferenceReport.provenance().recordedAt()).isEqualTo(FIRST_IMPORT);
        assertThat(conferenceReport.provenance().source()).isEqualTo("BILLSTATUS-114hr22.xml");
        AddCosponsor gabbard = commands.stream()
                .filter(AddCosponsor.class::isInstance)
                .map(AddCosponsor.class::cast)
                .filter(command -> command.cosponsor().bioguideId().equals("G000571"))
                .findFirst()
                .orElseThrow();
        assertThat(gabbard.provenance().effectiveAt()).isEqualTo(Instant.parse("2015-01-06T05:00:00Z"));
    }

    @Test
    void sendsTheFirstTitleOfEachTypeOnly() {
        BillRecord bill = read("BILLSTATUS-114hr22.xml");

        List<AssignBillTitle> titles = BillCommands.of(bill, origin("BILLSTATUS-114hr22.xml", FIRST_IMPORT)).stream()
                .filter(AssignBillTitle.class::isInstance)
                .map(AssignBillTitle.class::cast)
                .toList();

        Map<String, String> firstOfEachType = new LinkedHashMap<>();
        bill.titles().forEach(title -> firstOfEachType.putIfAbsent(title.type(), title.text()));
        assertThat(titles)
                .extracting(AssignBillTitle::titleType, AssignBillTitle::title)
                .containsExactlyElementsOf(firstOfEachType.entrySet().stream()
                        .map(first -> tuple(first.getKey(), first.getValue()))
                        .toList());
        assertThat(bill.titles()).hasSizeGreaterThan(titles.size());
    }

    @Test
    void withdrawsACosponsorRightAfterTheCosponsorship() {
        BillRecord bill = read("BILLSTATUS-114s469.xml");
        Cosponsor first = bill.cosponsors().get(0);
        LocalDate withdrawnOn = first.sponsoredOn().plusDays(30);
        List<Cosponsor> cosponsors = new ArrayList<>(bill.cosponsors());
        cosponsors.set(0, new Cosponsor(first.member(), first.sponsoredOn(), first.original(), withdrawnOn));
        BillRecord withdrawn = new BillRecord(
                bill.id(),
                bill.title(),
                bill.introducedOn(),
                bill.sponsor(),
                cosponsors,
                bill.titles(),
                bill.actions(),
                bill.laws(),
                bill.updatedAt());
        ImportedFrom origin = origin("BILLSTATUS-114s469.xml", FIRST_IMPORT);

        List<Object> commands = BillCommands.of(withdrawn, origin);

        int added = commands.indexOf(new AddCosponsor(
                "s469-114",
                first.member(),
                first.sponsoredOn(),
                first.original(),
                origin.effectiveOn(first.sponsoredOn())));
        assertThat(commands.get(added + 1))
                .isEqualTo(new WithdrawCosponsor(
                        "s469-114", first.member().bioguideId(), withdrawnOn, origin.effectiveOn(withdrawnOn)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theAggregateGoesThroughTheExpectedStatuses(Expected file) {
        try (InMemoryBills bills = new InMemoryBills()) {
            InMemoryBills.Outcome outcome =
                    bills.send(file.billId(), BillCommands.of(read(file.file()), origin(file.file(), FIRST_IMPORT)));

            List<String> statuses = statuses(outcome.events());
            assertThat(statuses).last().isEqualTo(file.finalStatus());
            if (HISTORIES_WITH_DETOURS.containsKey(file.file())) {
                assertThat(statuses)
                        .as(HISTORIES_WITH_DETOURS.get(file.file()))
                        .containsSubsequence(file.changes())
                        .isNotEqualTo(file.changes());
            } else {
                assertThat(statuses).containsExactlyElementsOf(file.changes());
            }
            if (file.file().equals(HEARING_BEFORE_INTRODUCTION)) {
                assertThat(outcome.reasons()).singleElement().asString().contains("cannot precede the introduction");
            } else {
                assertThat(outcome.reasons()).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void importingTheSameFileAgainAppendsNothing(Expected file) {
        BillRecord bill = read(file.file());
        try (InMemoryBills bills = new InMemoryBills()) {
            InMemoryBills.Outcome first =
                    bills.send(file.billId(), BillCommands.of(bill, origin(file.file(), FIRST_IMPORT)));

            expectNothingNew(first, BillCommands.of(bill, origin(file.file(), SECOND_IMPORT)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void anOlderVersionAfterANewerOneAppendsNothing(Expected file) {
        BillRecord newer = read(file.file());
        BillRecord older = asOfHalfItsActions(newer);
        try (InMemoryBills bills = new InMemoryBills()) {
            InMemoryBills.Outcome first =
                    bills.send(file.billId(), BillCommands.of(newer, origin(file.file(), FIRST_IMPORT)));

            expectNothingNew(first, BillCommands.of(older, origin("older " + file.file(), SECOND_IMPORT)));
        }
    }

    @Test
    void aNewerVersionAppendsOnlyWhatChanged() {
        BillRecord newer = read("BILLSTATUS-114s1300.xml");
        BillRecord older = asOfHalfItsActions(newer);
        try (InMemoryBills bills = new InMemoryBills()) {
            bills.send("s1300-114", BillCommands.of(older, origin("older", FIRST_IMPORT)));

            InMemoryBills.Outcome update =
                    bills.send("s1300-114", BillCommands.of(newer, origin("newer", SECOND_IMPORT)));

            assertThat(update.events())
                    .filteredOn(event -> !(event instanceof BillStatusChanged))
                    .hasSize(newer.actions().size()
                            - older.actions().size()
                            + newer.laws().size());
            assertThat(update.reasons()).isEmpty();
        }
    }

    @Test
    void theCurrentFileOfS35AfterItsLegacyFileAppendsOnlyTheCorrectedOfficialTitle() {
        BillRecord legacy = read("BILLSTATUS-117s35.v1.xml");
        BillRecord current = read("BILLSTATUS-117s35.v3.xml");
        ImportedFrom origin = origin("BILLSTATUS-117s35.v3.xml", SECOND_IMPORT);
        try (InMemoryBills bills = new InMemoryBills()) {
            List<Object> known = bills.send("s35-117", BillCommands.of(legacy, origin("v1", FIRST_IMPORT)))
                    .events();

            AggregateTestFixture<Bill> fixture = new AggregateTestFixture<>(Bill.class);
            for (Object command : BillCommands.of(current, origin)) {
                ResultValidator<Bill> result = fixture.given(known).when(command);
                if (command instanceof AssignBillTitle title
                        && title.titleType().startsWith("Official Title")) {
                    result.expectEvents(new BillTitleAssigned(
                            "s35-117",
                            "Official Title as Introduced",
                            "A bill to award a Congressional Gold Medal to Officer Eugene Goodman.",
                            origin.effectiveOn(LocalDate.parse("2021-01-22"))));
                } else {
                    result.expectSuccessfulHandlerExecution().expectNoEvents();
                }
            }
        }
    }

    /**
     * Given what the first import appended, each command of the second appends nothing; a command refused the first
     * time is refused again.
     */
    private static void expectNothingNew(InMemoryBills.Outcome first, List<Object> second) {
        AggregateTestFixture<Bill> fixture = new AggregateTestFixture<>(Bill.class);
        for (int i = 0; i < second.size(); i++) {
            ResultValidator<Bill> result = fixture.given(first.events()).when(second.get(i));
            if (first.refused().contains(i)) {
                result.expectException(FactRejected.class);
            } else {
                result.expectSuccessfulHandlerExecution().expectNoEvents();
            }
        }
    }

    /** The record as an earlier version of its file gave it: the older half of its actions, no law yet. */
    private static BillRecord asOfHalfItsActions(BillRecord bill) {
        List<BillAction> newestFirst = bill.actions();
        return new BillRecord(
                bill.id(),
                bill.title(),
                bill.introducedOn(),
                bill.sponsor(),
                bill.cosponsors(),
                bill.titles(),
                newestFirst.subList(newestFirst.size() / 2, newestFirst.size()),
                List.of(),
                bill.updatedAt());
    }

    private static BillRecord read(String file) {
        return READER.read(Fixtures.billStatus(file));
    }

    private static ImportedFrom origin(String source, Instant at) {
        return new ImportedFrom(source, at, "importer");
    }

    /** Where a kind of command belongs in an import. */
    private static int place(Object command) {
        return List.of(
                        IntroduceBill.class,
                        AssignBillTitle.class,
                        AddCosponsor.class,
                        RecordBillAction.class,
                        RecordLaw.class)
                .indexOf(command.getClass());
    }

    private static List<RecordBillAction> actions(List<Object> commands) {
        return commands.stream()
                .filter(RecordBillAction.class::isInstance)
                .map(RecordBillAction.class::cast)
                .toList();
    }

    private static List<String> statuses(List<Object> events) {
        return events.stream()
                .filter(BillStatusChanged.class::isInstance)
                .map(event -> ((BillStatusChanged) event).to().code())
                .toList();
    }
}
