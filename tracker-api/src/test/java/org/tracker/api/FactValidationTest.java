package org.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.core.api.CongressTime;

/**
 * Each finding of the testers, sent to the running tracker: every one is refused with a 400 problem that says what to
 * fix, and nothing reaches the event store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FactValidationTest {

    private static final String SPONSOR =
            "{\"bioguideId\": \"W000795\", \"name\": \"Joe Wilson\", \"party\": \"R\", \"state\": \"SC\"}";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api() {
        return new Api(port);
    }

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    static String introduction(String billId, String title, String introducedOn) {
        return """
                {"billId": "%s", "title": "%s", "introducedOn": "%s", "sponsor": %s}
                """
                .formatted(billId, title, introducedOn, SPONSOR);
    }

    /** Sends a request that must be refused, and checks that it was, with a problem naming the fix, storing nothing. */
    void assertRefused(java.util.function.Supplier<Api.Response> request, String... detailSays) {
        long before = storedEvents();
        Api.Response response = request.get();
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asText()).contains(detailSays);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aTitleJustUnderTheBodyLimitIsRefused() {
        String title = "A".repeat(1024 * 1024 - 300);
        assertRefused(
                () -> api().post("/api/bills", introduction("hr9001-119", title, "2025-02-12")),
                "'title' is 1048276 characters long; at most 8000 are allowed");
        assertThat(api().get("/api/measures/hr9001-119/history").status()).isEqualTo(404);
    }

    @Test
    void aTitleHoldingNulIsRefused() {
        assertRefused(
                () -> api().post("/api/bills", introduction("hr9002-119", "Act\\u0000 of 2025", "2025-02-12")),
                "'title' holds the character U+0000");
        assertRefused(
                () -> api().post("/api/bills", introduction("hr9002-119", "Act\\u009b of 2025", "2025-02-12")),
                "U+009B");
        assertRefused(
                () -> api().post("/api/bills", introduction("hr9002-119", "Act \\ud800 of 2025", "2025-02-12")),
                "U+D800");
    }

    @Test
    void datesAfterTomorrowInWashingtonAreRefused() {
        assertRefused(
                () -> api().post("/api/bills", introduction("hr9003-119", "A bill", "9999-12-31")),
                "'introducedOn' 9999-12-31 lies in the future");
        assertRefused(
                () -> api().post("/api/bills", introduction("hr9003-119", "A bill", "+999999999-12-31")),
                "'introducedOn' +999999999-12-31 lies in the future");
        assertRefused(() -> api().post("/api/bills", introduction("hr9003-119", "A bill", "1700-01-01")), "1789-03-04");
        String dayAfterTomorrow = LocalDate.now(CongressTime.ZONE).plusDays(2).toString();
        assertRefused(
                () -> api().post("/api/bills", introduction("hr9003-119", "A bill", dayAfterTomorrow)),
                "lies in the future");

        assertThat(api().post("/api/bills", introduction("hr9004-119", "A bill", "2025-02-12"))
                        .status())
                .isEqualTo(201);
        assertRefused(
                () -> api().post(
                                "/api/bills/hr9004-119/actions",
                                """
                        {"action": {"date": "9999-12-31", "text": "Referred to the Committee on Foreign Affairs."}}
                        """),
                "'action.date' 9999-12-31 lies in the future");
        assertRefused(
                () -> api().post(
                                "/api/bills/hr9004-119/actions",
                                """
                        {"action": {"date": "2025-02-13", "text": "Referred."},
                         "effectiveAt": "+999999999-12-31T00:00:00Z"}
                        """),
                "'effectiveAt'");
        assertThat(api().get("/api/measures/hr9004-119/history").body()).hasSize(1);
    }

    @Test
    void aBodyHoldingTwoDocumentsIsRefused() {
        String one = introduction("hr9005-119", "A bill", "2025-02-12");
        assertRefused(() -> api().post("/api/bills", one + one), "more than one JSON document");
        assertRefused(() -> api().post("/api/bills", one + " 42"), "more than one JSON document");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertRefused(
                () -> api().post(
                                "/api/bills",
                                """
                        {"billId": "hr9006-119", "title": "A bill", "title": "Another bill",
                         "introducedOn": "2025-02-12"}
                        """),
                "The body gives the field 'title' twice");
        assertRefused(
                () -> api().as(
                                TestServers.TOKEN,
                                "POST",
                                "/api/admin/accounts",
                                "{\"id\": \"twice\", \"name\": \"Twice\", \"name\": \"Again\", \"email\": \"t@example.org\"}"),
                "'name' twice");
        assertRefused(
                () -> api().post(
                                "/api/webhooks",
                                "{\"url\": \"https://hooks.example.org/a\", \"url\": \"https://hooks.example.org/b\"}"),
                "'url' twice");
        assertRefused(
                () -> api().post(
                                "/api/subscriptions",
                                """
                        {"follow": {"kind": "BILL"}, "when": [{"on": "ANY_FACT"}], "email": "a@example.org"}
                        {"follow": {"kind": "VOTE"}}
                        """),
                "more than one JSON document");
    }

    @Test
    void aBillIdWrittenOtherwiseIsRefusedNamingTheCanonicalOne() {
        assertRefused(
                () -> api().post("/api/bills", introduction("hr01229-119", "A bill", "2025-02-12")),
                "'hr01229-119'",
                "write 'hr1229-119'");
        assertRefused(
                () -> api().post("/api/bills", introduction("HR1229-119", "A bill", "2025-02-12")),
                "write 'hr1229-119'");
        assertRefused(
                () -> api().post(
                                "/api/bills/hr01229-119/actions",
                                "{\"action\": {\"date\": \"2025-02-13\", \"text\": \"Referred.\"}}"),
                "write 'hr1229-119'");
        assertRefused(() -> api().get("/api/measures/HR1229-119"), "write 'hr1229-119'");
        assertRefused(() -> api().get("/api/measures/hr1229-0119/history"), "write 'hr1229-119'");
        assertRefused(() -> api().get("/api/measures/hr01229-119?effectiveOn=2025-03-04"), "write 'hr1229-119'");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where lower(aggregateidentifier) like '%1229-%119'"
                                + " and aggregateidentifier <> 'hr1229-119'",
                        Long.class))
                .isZero();
    }

    @Test
    void numbersMustBeWholeAndPlausible() {
        String vote =
                """
                {"voteId": "vote-h118.2-209", "chamber": "HOUSE", "congress": 118, "session": 2, "rollNumber": 209,
                 "date": "2024-05-16", "question": "On Passage", "category": "PASSAGE", "result": "Passed",
                 "totals": {"yea": %s, "nay": 187, "present": 0, "notVoting": 20}}
                """;
        assertRefused(() -> api().post("/api/votes", vote.formatted("224.5")), "'totals.yea'");
        assertRefused(() -> api().post("/api/votes", vote.formatted("100000")), "the house has 441 seats");
        assertRefused(() -> api().post("/api/votes", vote.formatted("99999999999")), "out of range");
        assertRefused(
                () -> api().post(
                                "/api/votes", vote.formatted("224").replace("\"congress\": 118", "\"congress\": 1000")),
                "'congress' names the 1000th Congress");
        String sale =
                """
                {"armsSaleId": "armssale-24-85", "transmittalNumber": "24-85", "recipient": "Israel",
                 "articles": "F-15IA aircraft", "valueUsd": %s, "notifiedOn": "2024-08-13"}
                """;
        assertRefused(() -> api().post("/api/arms-sales", sale.formatted("18820000000.5")), "'valueUsd'");
        assertRefused(() -> api().post("/api/arms-sales", sale.formatted("10000000000001")), "between 0 and");
    }

    @Test
    void queryParametersThatCannotBeAnsweredAreRefused() {
        assertRefused(() -> api().get("/api/measures?q=%00"), "'q' holds the character U+0000");
        assertRefused(() -> api().get("/api/measures?kind=%07bill"), "'kind' holds the character U+0007");
        assertRefused(() -> api().get("/api/measures?q=" + "israel+".repeat(40)), "'q' is 280 characters long");
        assertRefused(
                () -> api().as(TestServers.TOKEN, "GET", "/api/measures?effectiveOn=%2B999999999-12-31", null),
                "'effectiveOn'");
        assertRefused(() -> api().get("/api/measures/hr1229-119?asOf=1000-01-01T00:00:00Z"), "'asOf'");
        assertRefused(() -> api().get("/api/measures/hr1229-119?asOf=9999-12-31T00:00:00Z"), "'asOf'");
    }

    @Test
    void subscriptionAndWebhookBodiesAreHeldToTheSameRules() {
        String subscription =
                """
                {"follow": %s, "when": [{"on": "DEADLINE_APPROACHING", "withinDays": %s}], "email": "a@example.org"}
                """;
        assertRefused(
                () -> api().post("/api/subscriptions", subscription.formatted("{\"measure\": \"HR1229-119\"}", "3")),
                "write 'hr1229-119'");
        assertRefused(
                () -> api().post(
                                "/api/subscriptions",
                                subscription.formatted("{\"search\": {\"words\": [\"isr\\u0000ael\"]}}", "3")),
                "U+0000");
        assertRefused(
                () -> api().post("/api/subscriptions", subscription.formatted("{\"kind\": \"BILL\"}", "2.5")),
                "withinDays");
        assertRefused(() -> api().post("/api/webhooks", "{\"url\": \"https://hooks.example.org/\\u0007\"}"), "U+0007");
        assertRefused(
                () -> api().as(TestServers.TOKEN, "GET", "/api/alerts?from=1000-01-01T00:00:00Z", null), "'from'");
        assertRefused(
                () -> api().as(
                                TestServers.TOKEN,
                                "GET",
                                "/api/admin/export?from=2025-01-01T00:00:00Z&to=%2B999999999-12-31T00:00:00Z",
                                null),
                "'to'");
    }
}
