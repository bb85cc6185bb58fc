package org.tracker.imports.congressgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillId;
import org.tracker.core.api.Member;
import org.tracker.core.status.BillStatusRules;
import org.tracker.core.status.StatusTransition;
import org.tracker.imports.Fixtures;
import org.tracker.imports.ImportedFrom;
import org.tracker.imports.InMemoryBills;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.bill.BillCommands;
import org.tracker.imports.bill.BillRecord;
import org.tracker.imports.bill.BillRecord.BillTitle;
import org.tracker.imports.bill.BillRecord.Cosponsor;

class CongressApiReaderTest {

    static final CongressJson JSON = new CongressJson(1_000_000);

    static BillResponses hr21() {
        return new BillResponses(
                JSON.parse(Fixtures.congressApi("bill_117_hr_21.json")),
                List.of(JSON.parse(Fixtures.congressApi("bill_117_hr_21_actions.json"))),
                List.of(JSON.parse(Fixtures.congressApi("bill_117_hr_21_cosponsors.json"))),
                List.of(JSON.parse(Fixtures.congressApi("bill_117_hr_21_titles.json"))));
    }

    @Test
    void readsABillAndItsActionsCosponsorsAndTitles() {
        BillRecord bill = CongressApiReader.read(hr21());

        assertThat(bill.id()).isEqualTo(BillId.parse("hr21-117"));
        assertThat(bill.title()).startsWith("To enhance the innovation, security, and availability of cloud computing");
        assertThat(bill.introducedOn()).isEqualTo(LocalDate.parse("2021-01-04"));
        assertThat(bill.sponsor()).isEqualTo(new Member("C001078", "Rep. Connolly, Gerald E. [D-VA-11]", "D", "VA"));
        assertThat(bill.cosponsors())
                .containsExactly(
                        new Cosponsor(
                                new Member("C001108", "Rep. Comer, James [R-KY-1]", "R", "KY"),
                                LocalDate.parse("2021-01-04"),
                                true,
                                null),
                        new Cosponsor(
                                new Member("H001071", "Rep. Hice, Jody B. [R-GA-10]", "R", "GA"),
                                LocalDate.parse("2021-01-04"),
                                true,
                                null));
        assertThat(bill.titles())
                .hasSize(8)
                .first()
                .isEqualTo(new BillTitle("Display Title", "FedRAMP Authorization Act"));
        assertThat(bill.laws()).isEmpty();
        assertThat(bill.updatedAt()).isEqualTo(Instant.parse("2022-03-25T01:16:59Z"));
    }

    @Test
    void readsTheActionsAsABillStatusFileGivesThem() {
        List<BillAction> actions = CongressApiReader.read(hr21()).actions();

        assertThat(actions).hasSize(10);
        assertThat(actions.get(0))
                .as("newest first, the Senate's referral with its committee")
                .isEqualTo(new BillAction(
                        LocalDate.parse("2021-01-06"),
                        null,
                        "Received in the Senate and Read twice and referred to the Committee on Homeland Security and"
                                + " Governmental Affairs.",
                        "IntroReferral",
                        null,
                        ActionSource.SENATE,
                        List.of("Homeland Security and Governmental Affairs Committee"),
                        null));
        assertThat(actions)
                .filteredOn(action -> action.source() == ActionSource.LIBRARY_OF_CONGRESS)
                .extracting(BillAction::actionCode)
                .containsExactly("8000", "Intro-H", "1000");
        assertThat(actions.get(2).time()).isEqualTo(LocalTime.of(12, 17, 14));
        assertThat(actions.get(2).source()).isEqualTo(ActionSource.HOUSE_FLOOR);
    }

    @Test
    void theStatusRulesReadTheApisActions() {
        BillRecord bill = CongressApiReader.read(hr21());

        List<StatusTransition> moves = BillStatusRules.transitions(bill.id().type(), bill.title(), bill.actions());

        assertThat(moves)
                .extracting(move -> move.status().code())
                .as("passed under suspension by voice vote, the Library of Congress's repeat counted once")
                .containsExactly("REFERRED", "PASS_OVER:HOUSE");
    }

    @Test
    void importingTheSameResponsesAgainAppendsNothing() {
        BillRecord bill = CongressApiReader.read(hr21());
        ImportedFrom origin = new ImportedFrom(
                "https://api.congress.gov/v3/bill/117/hr/21", Instant.parse("2026-11-22T12:00:00Z"), "poller");
        try (InMemoryBills bills = new InMemoryBills()) {
            InMemoryBills.Outcome first = bills.send("hr21-117", BillCommands.of(bill, origin));
            InMemoryBills.Outcome second = bills.send("hr21-117", BillCommands.of(bill, origin));

            assertThat(first.reasons()).isEmpty();
            assertThat(first.events()).isNotEmpty();
            assertThat(second.events()).isEmpty();
        }
    }

    @Test
    void namesWhatAResponseLacks() {
        BillResponses responses = hr21();
        ((ObjectNode) responses.bill().get("bill")).remove("introducedDate");

        assertThatThrownBy(() -> CongressApiReader.read(responses))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessage("not a readable congress.gov bill: the bill has no 'introducedDate'");
        assertThatThrownBy(() -> CongressApiReader.read(new BillResponses(
                        JSON.parse(bytes("{\"bills\": []}"), "list"), List.of(), List.of(), List.of())))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("has no 'bill' object");
    }

    @Test
    void refusesAResponseOverTheLimit() {
        assertThatThrownBy(() -> new CongressJson(1_000).parse(Fixtures.congressApi("bill_117_hr_21.json")))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("than the limit of 1000 bytes for a congress.gov response");
    }

    @Test
    void refusesDuplicateKeysDeepNestingTrailingContentAndMalformedJson() {
        assertThatThrownBy(() -> JSON.parse(bytes("{\"bill\": {}, \"bill\": {}}"), "duplicate"))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("Duplicate field 'bill'");
        assertThatThrownBy(() -> JSON.parse(bytes("{\"a\":".repeat(40) + "1" + "}".repeat(40)), "deep"))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> JSON.parse(bytes("{} {}"), "trailing"))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> JSON.parse(bytes("{\"bill\": [1, 2"), "truncated"))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("not a readable congress.gov response (truncated) at line 1");
        assertThatThrownBy(() -> JSON.parse(bytes("[]"), "array"))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageEndingWith("not a JSON object");
    }

    private static ByteArrayInputStream bytes(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
