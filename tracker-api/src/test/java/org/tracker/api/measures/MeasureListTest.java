package org.tracker.api.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.batch.CommandBatch;
import org.tracker.core.api.BillCitation;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.MandateReport;
import org.tracker.core.api.NotifyArmsSale;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.ReportKind;

/**
 * {@code GET /api/measures} on a running tracker: every measure reached page by page in each order, with the total on
 * every page; the list at a past moment paged the same way; citations found; and every value outside the vocabulary
 * refused with the values it takes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureListTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    /** More than the fifty the list used to stop at. */
    static final int NUMBERED_BILLS = 60;

    static final List<String> CITED = List.of("hr1229-118", "hr1229-119", "s1229-119", "sjres111-118", "hjres7-119");
    static final int MEASURES = NUMBERED_BILLS + CITED.size() + 3 + 2;

    @LocalServerPort
    int port;

    @Autowired
    CommandBatch batch;

    Api api() {
        return new Api(port);
    }

    @BeforeAll
    void recordMeasures() {
        Provenance provenance = new Provenance(Instant.now(), Instant.now(), "test", "tester");
        List<Object> commands = new ArrayList<>();
        // Twenty days for sixty bills: three share each day, so that ids break the ties.
        IntStream.rangeClosed(1, NUMBERED_BILLS)
                .forEach(n -> commands.add(new IntroduceBill(
                        "hr" + n + "-119", "A numbered bill", LocalDate.of(2025, 1, 6 + n % 20), null, provenance)));
        CITED.forEach(id ->
                commands.add(new IntroduceBill(id, "A cited measure", LocalDate.of(2024, 3, 1), null, provenance)));
        IntStream.rangeClosed(1, 3)
                .forEach(n -> commands.add(new NotifyArmsSale(
                        "armssale-25-" + n,
                        "25-" + n,
                        "Israel",
                        "Munitions",
                        1_000_000L * n,
                        LocalDate.of(2025, 6, 10 - n),
                        provenance)));
        IntStream.rangeClosed(1, 2)
                .forEach(n -> commands.add(new MandateReport(
                        "report-test-" + n,
                        ReportKind.REPORT,
                        "A report",
                        "test",
                        "Congress",
                        LocalDate.of(2026, 9, n),
                        provenance)));
        batch.sendAll(commands);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api().get("/api/measures").header(MeasureController.TOTAL_COUNT))
                        .isEqualTo(Integer.toString(MEASURES)));
    }

    @Test
    void theFirstPageHoldsFiftyAndSaysThatMoreRemain() {
        Api.Response first = api().get("/api/measures");
        assertThat(first.body()).hasSize(50);
        assertThat(first.header("Link")).startsWith("</api/measures?").endsWith(">; rel=\"next\"");
        assertThat(first.header(MeasureController.TOTAL_COUNT)).isEqualTo(Integer.toString(MEASURES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&sort=changed", "&sort=deadline", "&sort=citation"})
    void everyMeasureIsReachedPageByPageInTheOrderAsked(String sort) {
        List<JsonNode> listed = all("/api/measures?limit=7" + sort, null);
        assertThat(listed.stream().map(MeasureListTest::id)).hasSize(MEASURES).doesNotHaveDuplicates();
        Comparator<JsonNode> order =
                switch (sort) {
                    case "&sort=deadline" -> Comparator.comparing(
                                    (JsonNode m) -> date(m.at("/nextDeadline/date")),
                                    Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(MeasureListTest::id);
                    case "&sort=citation" -> Comparator.comparing(m -> BillCitation.orderKey(id(m)));
                    default -> Comparator.comparing(
                                    (JsonNode m) -> m.path("statusSince").isNull()
                                            ? date(m.path("lastActionDate"))
                                            : date(m.path("statusSince")),
                                    Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(MeasureListTest::id);
                };
        assertThat(listed).isSortedAccordingTo(order);
    }

    @Test
    void theCitationOrderListsBillsByTypeNumberAndCongressThenTheRest() {
        List<String> ids = all("/api/measures?sort=citation&limit=500", null).stream()
                .map(MeasureListTest::id)
                .toList();
        assertThat(ids.subList(0, 3)).containsExactly("hr1-119", "hr2-119", "hr3-119");
        assertThat(ids).containsSubsequence("hr60-119", "hr1229-118", "hr1229-119", "s1229-119", "hjres7-119");
        assertThat(ids.subList(ids.size() - 5, ids.size()))
                .containsExactly("armssale-25-1", "armssale-25-2", "armssale-25-3", "report-test-1", "report-test-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&sort=deadline", "&sort=citation"})
    void theListAtAPastMomentIsPagedAsTheLiveListIs(String sort) {
        String asOf = "&asOf=" + Instant.now();
        assertThat(all("/api/measures?limit=6" + sort + asOf, TestServers.TOKEN).stream()
                        .map(MeasureListTest::id))
                .containsExactlyElementsOf(all("/api/measures?limit=500" + sort, null).stream()
                        .map(MeasureListTest::id)
                        .toList());
        Api.Response firstOfThen = api().as(TestServers.TOKEN, "GET", "/api/measures?limit=6" + sort + asOf, null);
        assertThat(firstOfThen.header(MeasureController.TOTAL_COUNT)).isEqualTo(Integer.toString(MEASURES));
        assertThat(firstOfThen.header("Link")).contains("asOf=");
    }

    @Test
    void theNextLinkKeepsTheFiltersAndTheTotalCountsOnlyWhatMatches() {
        Api.Response first = api().get("/api/measures?kind=arms-sale&limit=2&sort=deadline");
        assertThat(first.header(MeasureController.TOTAL_COUNT)).isEqualTo("3");
        assertThat(first.header("Link")).contains("kind=ARMS_SALE", "sort=deadline", "limit=2", "cursor=");
        assertThat(first.body().findValuesAsText("measureId")).containsExactly("armssale-25-3", "armssale-25-2");
        Api.Response second = api().get(next(first));
        assertThat(second.body().findValuesAsText("measureId")).containsExactly("armssale-25-1");
        assertThat(second.header("Link")).isNull();
        assertThat(second.header(MeasureController.TOTAL_COUNT)).isEqualTo("3");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "H.R. 1229; hr1229-118,hr1229-119",
                "HR1229; hr1229-118,hr1229-119",
                "h.r.1229; hr1229-118,hr1229-119",
                "H.R. 1229-119; hr1229-119",
                "S.J.Res. 111; sjres111-118",
                "sjres111-118; sjres111-118",
                "1229; hr1229-118,hr1229-119,s1229-119",
                "H.J.Res. 7; hjres7-119"
            })
    void aBillIsFoundByItsCitationOrItsNumber(String q, String ids) {
        Api.Response found = api().get("/api/measures?sort=citation&q=" + encode(q));
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(found.body().findValuesAsText("measureId")).containsExactly(ids.split(","));
        assertThat(found.header(MeasureController.TOTAL_COUNT)).isEqualTo(Integer.toString(ids.split(",").length));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "kind=TREATY; kind; (TREATY) is not a kind of measure; give one of BILL, VOTE, ARMS_SALE, WAIVER,"
                        + " MOU, REPORT.",
                "status=PASSED; status; is not a status of any measure; give one of BILL: INTRODUCED, REFERRED",
                "kind=VOTE&status=REFERRED; status; is not a status of a VOTE; give one of VOTE: ",
                "chamber=JOINT; chamber; give one of HOUSE, SENATE.",
                "congress=abc; congress; such as 119 for 2025-2026",
                "congress=500; congress; Congresses run from the 1st to the next",
                "sort=title; sort; give one of changed, deadline, citation",
                "limit=0; limit; from 1 to 500",
                "limit=501; limit; from 1 to 500",
                "size=600; size; from 1 to 500",
                "limit=5&size=5; size; is another name for",
                "page=1; page; the list is paged by cursor",
                "cursor=bm90LWEtY3Vyc29y; cursor; is not one this API gave"
            })
    void aValueOutsideTheVocabularyIsAProblemNamingTheParameter(String query, String parameter, String detail) {
        Api.Response refused = api().get("/api/measures?" + query);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("type").asText()).isEqualTo("/problems/invalid-parameter");
        assertThat(refused.body().path("parameter").asText()).isEqualTo(parameter);
        assertThat(refused.body().path("detail").asText()).contains(detail);
    }

    @Test
    void theProblemListsTheAcceptedValuesForClients() {
        assertThat(api().get("/api/measures?kind=treaty")
                        .body()
                        .path("accepted")
                        .toString())
                .isEqualTo("[\"BILL\",\"VOTE\",\"ARMS_SALE\",\"WAIVER\",\"MOU\",\"REPORT\"]");
        assertThat(api().get("/api/measures?kind=MOU&status=ACTIVE")
                        .body()
                        .path("accepted")
                        .toString())
                .contains("\"IN_FORCE\"")
                .doesNotContain("INTRODUCED");
    }

    @Test
    void aCursorContinuesOnlyTheOrderItCameFrom() {
        String next = next(api().get("/api/measures?limit=2&sort=citation"));
        Api.Response other = api().get(next.replace("sort=citation", "sort=deadline"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body().path("detail").asText()).contains("continues the list sorted by 'citation'");
        Api.Response withoutSort = api().get(next.replace("sort=citation&", ""));
        assertThat(withoutSort.body().findValuesAsText("measureId")).containsExactly("hr3-119", "hr4-119");
    }

    @Test
    void casesAndSpellingsOfTheVocabularyAreRead() {
        assertThat(api().get("/api/measures?kind=arms-sale&chamber=&status=under_review")
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/api/measures?kind=bill&status=introduced&chamber=house&congress=119")
                        .header(MeasureController.TOTAL_COUNT))
                .isEqualTo(Integer.toString(NUMBERED_BILLS + 1 + 1));
    }

    /** Every measure of a list, following its next links from the first page. */
    private List<JsonNode> all(String first, String token) {
        List<JsonNode> listed = new ArrayList<>();
        String path = first;
        while (path != null) {
            Api.Response page = token == null ? api().get(path) : api().as(token, "GET", path, null);
            assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
            assertThat(page.header(MeasureController.TOTAL_COUNT)).isEqualTo(Integer.toString(MEASURES));
            page.body().forEach(listed::add);
            path = page.header("Link") == null ? null : next(page);
        }
        return listed;
    }

    private static String next(Api.Response page) {
        String link = page.header("Link");
        return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
    }

    private static String id(JsonNode measure) {
        return measure.path("measureId").asText();
    }

    private static LocalDate date(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : LocalDate.parse(node.asText());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
