package org.tracker.imports.billstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillId;
import org.tracker.core.status.BillStatusRules;
import org.tracker.core.status.StatusTransition;
import org.tracker.imports.Fixtures;
import org.tracker.imports.Fixtures.Expected;
import org.tracker.imports.bill.BillRecord;

/** The status rules, applied to real GPO files, reach the statuses that EXPECTED.tsv records for them. */
class ExpectedStatusTest {

    private static final BillStatusReader READER = new BillStatusReader(4_000_000);

    /**
     * Rows whose list of status changes contradicts another row, so that no rule can reach both. The final status is
     * still checked for them.
     */
    static List<Expected> rows() {
        return Fixtures.expected();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theRulesEndInTheExpectedStatus(Expected row) {
        BillRecord bill = READER.read(Fixtures.billStatus().resolve(row.file()));

        assertThat(bill.id()).isEqualTo(BillId.parse(row.billId()));
        assertThat(BillStatusRules.current(bill.id().type(), bill.title(), bill.actions())
                        .code())
                .isEqualTo(row.finalStatus());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theRulesMoveThroughTheExpectedStatuses(Expected row) {
        BillRecord bill = READER.read(Fixtures.billStatus().resolve(row.file()));

        assertThat(codes(transitions(bill))).containsExactlyElementsOf(row.changes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theOrderTheActionsComeInDoesNotMatter(Expected row) {
        BillRecord bill = READER.read(Fixtures.billStatus().resolve(row.file()));
        List<BillAction> oldestFirst = new ArrayList<>(bill.actions());
        Collections.reverse(oldestFirst);
        List<BillAction> shuffled = new ArrayList<>(bill.actions());
        Collections.shuffle(shuffled, new Random(row.file().hashCode()));

        assertThat(BillStatusRules.transitions(bill.id().type(), bill.title(), oldestFirst))
                .isEqualTo(transitions(bill));
        assertThat(BillStatusRules.transitions(bill.id().type(), bill.title(), shuffled))
                .isEqualTo(transitions(bill));
    }

    @Test
    void bothGenerationsOfS35GiveTheSameMeasure() {
        BillRecord legacy = READER.read(Fixtures.billStatus().resolve("BILLSTATUS-117s35.v1.xml"));
        BillRecord current = READER.read(Fixtures.billStatus().resolve("BILLSTATUS-117s35.v3.xml"));

        assertThat(current.id()).isEqualTo(legacy.id()).isEqualTo(BillId.parse("s35-117"));
        assertThat(current.sponsor()).isEqualTo(legacy.sponsor());
        assertThat(current.sponsor().bioguideId()).isEqualTo("V000128");
        assertThat(current.introducedOn()).isEqualTo(legacy.introducedOn());
        assertThat(current.actions()).containsExactlyElementsOf(legacy.actions());
        assertThat(transitions(current)).isEqualTo(transitions(legacy)).isNotEmpty();
    }

    private static List<StatusTransition> transitions(BillRecord bill) {
        return BillStatusRules.transitions(bill.id().type(), bill.title(), bill.actions());
    }

    private static List<String> codes(List<StatusTransition> transitions) {
        return transitions.stream().map(move -> move.status().code()).toList();
    }
}
