package org.tracker.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.TrackerApplication;

/**
 * Generated facts, valid and hostile, posted to a running tracker on real servers. Each is either refused with a 4xx
 * problem that appended nothing, or accepted and carried by the stream to the projection and to the notifier; and
 * whatever came before, a plain fact posted after it still reaches both.
 */
class FactInvariantProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KNOWN_BILL = "hr9-119";

    private static ConfigurableApplicationContext tracker;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static int canaries;

    /** A request: where it goes, its body as sent, and the measure it would record a fact about. */
    record Post(String path, String body, String measureId) {}

    @BeforeContainer
    static void start() {
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        TestServers.register(properties::put);
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        properties.forEach((name, value) -> args.add("--" + name + "=" + value.get()));
        tracker = new SpringApplicationBuilder(TrackerApplication.class).run(args.toArray(String[]::new));
        api = new Api(
                ((ServletWebServerApplicationContext) tracker).getWebServer().getPort());
        jdbc = tracker.getBean(JdbcTemplate.class);
        Api.Response known = api.post(
                "/api/bills",
                "{\"billId\": \"" + KNOWN_BILL + "\", \"title\": \"A known bill\", \"introducedOn\": \"2025-01-09\"}");
        assertThat(known.status()).as(known.body().toString()).isEqualTo(201);
    }

    @AfterContainer
    static void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Property(tries = 80, shrinking = ShrinkingMode.BOUNDED)
    void aFactIsRefusedWithNothingAppendedOrReachesTheProjectionAndTheNotifier(@ForAll("posts") Post post) {
        long storedBefore = stored();
        Api.Response response = api.post(post.path(), post.body());
        String what = post + " -> " + response.status() + " " + response.body();
        assertThat(response.status()).as(what).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(stored()).as("a refused fact appends nothing: " + what).isEqualTo(storedBefore);
        } else {
            assertThat(response.status()).as(what).isIn(200, 201);
            reachesTheProjectionAndTheNotifier(post.measureId());
        }
        String canary = "hr" + (90_000 + ++canaries) + "-119";
        assertThat(api.post("/api/bills", introduction(canary, "A plain bill", "2025-03-03"))
                        .status())
                .isEqualTo(201);
        reachesTheProjectionAndTheNotifier(canary);
    }

    private static void reachesTheProjectionAndTheNotifier(String measureId) {
        long newest = jdbc.queryForObject(
                "select coalesce(max(sequencenumber), -1) from domainevententry where aggregateidentifier = ?",
                Long.class,
                measureId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sequence("measure", measureId))
                    .as("projection of " + measureId)
                    .isEqualTo(newest);
            assertThat(sequence("notify_measure", measureId))
                    .as("notifier of " + measureId)
                    .isEqualTo(newest);
        });
    }

    private static long sequence(String table, String measureId) {
        return jdbc
                .queryForList("select last_sequence from " + table + " where measure_id = ?", Long.class, measureId)
                .stream()
                .findFirst()
                .orElse(-1L);
    }

    private static long stored() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    @Provide
    Arbitrary<Post> posts() {
        return Arbitraries.oneOf(introductions(), actions(), titles(), malformedBodies());
    }

    private Arbitrary<Post> introductions() {
        return Combinators.combine(billIds(), texts(), dates(), bioguideIds()).as((id, title, date, bioguide) -> {
            ObjectNode body = JSON.createObjectNode().put("billId", id).put("title", title);
            putDate(body, "introducedOn", date);
            if (bioguide != null) {
                body.putObject("sponsor")
                        .put("bioguideId", bioguide)
                        .put("name", "A. Member")
                        .put("party", "R")
                        .put("state", "SC");
            }
            return new Post("/api/bills", body.toString(), id);
        });
    }

    private Arbitrary<Post> actions() {
        return Combinators.combine(texts(), dates()).as((text, date) -> {
            ObjectNode action = JSON.createObjectNode().put("text", text).put("source", "HOUSE_FLOOR");
            putDate(action, "date", date);
            ObjectNode body = JSON.createObjectNode();
            body.set("action", action);
            return new Post("/api/bills/" + KNOWN_BILL + "/actions", body.toString(), KNOWN_BILL);
        });
    }

    private Arbitrary<Post> titles() {
        return texts().map(title -> new Post(
                "/api/bills/" + KNOWN_BILL + "/titles",
                JSON.createObjectNode()
                        .put("titleType", "Short Title(s) as Introduced")
                        .put("title", title)
                        .toString(),
                KNOWN_BILL));
    }

    private Arbitrary<Post> malformedBodies() {
        String plain = introduction("hr8-119", "A bill", "2025-02-02");
        return Arbitraries.of(
                        plain + plain,
                        plain + " x",
                        plain.replace("\"title\"", "\"title\": \"First\", \"title\""),
                        "[" + plain + "]",
                        "null",
                        "",
                        "[".repeat(5_000) + "]".repeat(5_000),
                        plain.replace("2025-02-02", "2025-02-02T00:00:00Z"),
                        plain.replace("\"hr8-119\"", "8"),
                        plain.substring(0, plain.length() / 2))
                .map(body -> new Post("/api/bills", body, "hr8-119"));
    }

    private static String introduction(String id, String title, String date) {
        return "{\"billId\": \"%s\", \"title\": \"%s\", \"introducedOn\": \"%s\"}".formatted(id, title, date);
    }

    private static void putDate(ObjectNode node, String field, String date) {
        if (date != null) {
            node.put(field, date);
        }
    }

    private Arbitrary<String> billIds() {
        Arbitrary<Integer> numbers = Arbitraries.integers().between(10, 89_999);
        return Arbitraries.oneOf(
                numbers.map(n -> "hr" + n + "-119"),
                numbers.map(n -> "s" + n + "-118"),
                numbers.map(n -> "HR" + n + "-119"),
                numbers.map(n -> "hr0" + n + "-119"),
                numbers.map(n -> "hr" + n + "-0119"),
                numbers.map(n -> "hr" + n + "-" + (n % 400)),
                Arbitraries.strings().ofMaxLength(80));
    }

    private Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .withChars(' ', '-', '.')
                        .ofMinLength(1)
                        .ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().alpha().ofMaxLength(40).flatMap(words -> Arbitraries.of(
                                '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u2028', '\ufeff', '\uffff')
                        .map(control -> words + control + words)),
                Arbitraries.of(7_999, 8_000, 8_001, 10_001, 300_000).map("x"::repeat),
                Arbitraries.of("\uD800 lone surrogate", "emoji \uD83C\uDDEE\uD83C\uDDF1", "   ", "\t\n", ""));
    }

    private Arbitrary<String> dates() {
        LocalDate today = LocalDate.now();
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 9_000).map(days -> today.minusDays(days)
                        .toString()),
                Arbitraries.integers().between(2, 100_000).map(days -> today.plusDays(days)
                        .toString()),
                Arbitraries.of(
                        "9999-12-31",
                        "+999999999-12-31",
                        "-000001-01-01",
                        "1700-01-01",
                        "1789-03-03",
                        "2025-02-30",
                        "yesterday",
                        "",
                        "2025-1-9"),
                Arbitraries.just(null));
    }

    private Arbitrary<String> bioguideIds() {
        return Arbitraries.oneOf(
                Arbitraries.of("W000795", "P000197", "w000795", "W0007950", "", " W000795"),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.just(null));
    }
}
