package org.tracker.api.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.core.api.CongressTime;

/**
 * The pages in a real headless Chromium against a tracker on real servers, loaded with the seed set: what a staffer
 * sees, finds, signs in to, and watches change without reloading; reachable by keyboard alone, and with no serious
 * accessibility violation that axe-core finds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
        registry.add("tracker.seed", () -> "true");
    }

    static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        // Playwright's assertions wait this long for a page to show what they expect: live updates included
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Api api() {
        return new Api(port);
    }

    @Test
    void theHomePageListsTheSeededMeasures() {
        Page page = chromium.page();
        page.navigate(url("/"));
        assertThat(page).hasTitle("Measures · tracker");
        assertThat(page.locator("table.measures")).containsText("H.R. 1229");
        assertThat(page.locator("table.measures")).containsText("S.J.Res. 111");
        assertThat(page.locator("table.measures")).containsText("United States-Israel Defense Partnership Act of 2025");
        assertThat(page.locator("p.count")).containsText("measures");
    }

    @Test
    void aMeasureIsFoundByTypingItsNumber() {
        Page page = chromium.page();
        page.navigate(url("/"));
        page.getByLabel("Search").fill("1229");
        page.getByLabel("Search").press("Enter");
        page.waitForURL(Pattern.compile(".*[?&]q=1229(&.*)?$"));
        assertThat(page.locator("table.measures tbody tr").first()).containsText("H.R. 1229");
    }

    @Test
    void theDisapprovalResolutionShowsItsFailedDischargeVote() {
        Page page = chromium.page();
        page.navigate(url("/measures/sjres111-118"));
        assertThat(page.locator("h1")).containsText("S.J.Res. 111");
        assertThat(page.locator("section.summary")).containsText("18–79");
        assertThat(page.locator("section.summary")).containsText("Rejected");
        assertThat(page.locator("section.timeline")).containsText("Motion to discharge");
        page.locator("section.summary").getByRole(AriaRole.LINK).first().click();
        page.waitForURL("**/votes/vote-s118.2-292");
        assertThat(page.locator("h1")).hasText("Senate roll call 292");
    }

    @Test
    void aSaleListsItsResolutionsAndTheMouItsTrancheLedger() {
        Page page = chromium.page();
        page.navigate(url("/measures/armssale-25-34"));
        assertThat(page.locator("section[aria-labelledby=resolutions-heading]")).containsText("S.J.Res. 33");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S.J.Res. 33"))
                .first()
                .click();
        page.waitForURL("**/measures/sjres33-119");
        assertThat(page.locator("ol.progress li.current")).hasText(Pattern.compile("Committee.*"));

        page.navigate(url("/measures/mou-2016"));
        assertThat(page.locator("table.ledger tbody tr")).hasCount(20);
        assertThat(page.locator("table.ledger")).containsText("$3,300,000,000");
        assertThat(page.locator("table.ledger")).containsText("$815,300,000");
        assertThat(page.locator("figure.ledger-chart svg")).isVisible();
    }

    @Test
    void aVotePageNamesEveryMemberOfACompleteRollCall() throws Exception {
        importFile("vote_119_1_00618.xml", resource("/rollcall/vote_119_1_00618.xml"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api().get("/api/measures/vote-s119.1-618").status() == 200);
        Page page = chromium.page();
        page.navigate(url("/votes/vote-s119.1-618"));
        assertThat(page.locator("table.members caption")).hasText("100 of 100 members");
        assertThat(page.locator("table.members")).containsText("Sanders");
        assertThat(page.locator("table.members")).containsText("VT");

        page.getByLabel("Position").selectOption("Yea");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(page.locator("table.members caption")).hasText("60 of 100 members");
        assertThat(page.locator("table.members")).not().containsText("Sanders");
    }

    @Test
    void aFactPostedToTheApiAppearsOnOpenPagesWithoutAReload() {
        Page measure = chromium.page();
        measure.navigate(url("/measures/hr7645-119"));
        Page home = chromium.page();
        home.navigate(url("/"));
        for (Page page : List.of(measure, home)) {
            assertThat(page.locator("#live-status")).containsText("Live");
            page.evaluate("() => { window.notReloaded = true; }");
        }

        String text = "Subcommittee hearings held on compliance reporting (browser test).";
        Api.Response posted = api().post(
                        "/api/bills/hr7645-119/actions",
                        """
                        {"action": {"date": "2026-03-05", "text": "%s", "source": "HOUSE_COMMITTEE"},
                         "source": "https://www.congress.gov/bill/119th-congress/house-bill/7645/all-actions"}
                        """
                                .formatted(text));
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(201);

        assertThat(measure.locator("section.timeline")).containsText(text);
        assertThat(measure.locator("section.summary")).containsText(text);
        assertThat(home.locator("#m-hr7645-119")).containsText(text);
        for (Page page : List.of(measure, home)) {
            assertThat((Boolean) page.evaluate("() => window.notReloaded === true"))
                    .isTrue();
        }
    }

    @Test
    void theDeadlinesPageAndItsCalendarFeedListAnArmsSalesReviewWindow() throws Exception {
        LocalDate notified = CongressTime.dayOf(Instant.now()).minusDays(3);
        Api.Response sale = api().post(
                        "/api/arms-sales",
                        """
                        {"armsSaleId": "armssale-26-77", "transmittalNumber": "26-77", "recipient": "Israel",
                         "articles": "Joint Direct Attack Munition guidance kits", "valueUsd": 510000000,
                         "notifiedOn": "%s", "source": "https://www.dsca.mil/press-media/major-arms-sales"}
                        """
                                .formatted(notified));
        assertThat(sale.status()).as(sale.body().toString()).isEqualTo(201);
        LocalDate closes = notified.plusDays(15);

        Page page = chromium.page();
        page.navigate(url("/deadlines"));
        assertThat(page.locator("main")).containsText("Transmittal 26-77");
        assertThat(page.locator("main")).containsText("15-day congressional review closes");

        HttpResponse<String> feed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/deadlines.ics?kind=ARMS_SALE")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        assertThat(feed.body())
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("UID:armssale-26-77.15-day-congressional-review-closes." + closes + "@tracker\r\n")
                .contains("DTSTART;VALUE=DATE:" + closes.toString().replace("-", "") + "\r\n")
                .contains("SUMMARY:Transmittal 26-77: 15-day congressional review closes\r\n")
                .endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void signingInWithATokenOpensASessionThatSignOutEnds() {
        Page page = chromium.page();
        page.navigate(url("/sign-in"));
        page.getByLabel("Token").fill("trk_not-a-token");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("p.error")).containsText("not known");

        page.getByLabel("Token").fill(TestServers.TOKEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("header.site")).containsText("Signed in as operator");
        Cookie session = page.context().cookies().stream()
                .filter(cookie -> cookie.name.equals("TRACKER_SESSION"))
                .findFirst()
                .orElseThrow();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where principal_name = 'operator'", Long.class))
                .isPositive();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.locator("header.site")).containsText("Sign in");
        assertThat(page.locator("header.site")).not().containsText("Signed in as");
    }

    @Test
    void revokingTheTokenEndsTheSessionsOpenedWithIt() {
        JsonNode created = api().post(
                        "/api/admin/accounts",
                        "{\"id\": \"staffer-revoked\", \"name\": \"A staffer\", \"email\": \"staffer@example.org\","
                                + " \"roles\": [\"STAFFER\"]}")
                .body();
        String token = created.path("token").asText();
        Page page = chromium.page();
        page.navigate(url("/sign-in"));
        page.getByLabel("Token").fill(token);
        page.getByLabel("Token").press("Enter");
        assertThat(page.locator("header.site")).containsText("Signed in as staffer-revoked");

        Api.Response revoked =
                api().as(TestServers.TOKEN, "DELETE", "/api/admin/accounts/staffer-revoked/tokens", null);
        assertThat(revoked.status()).isEqualTo(204);

        page.navigate(url("/"));
        assertThat(page.locator("p.notice")).containsText("revoked");
        assertThat(page.locator("header.site")).not().containsText("Signed in as");
        page.navigate(url("/deadlines"));
        assertThat(page.locator("header.site")).not().containsText("Signed in as");
        assertThat(page.locator("p.notice")).hasCount(0);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/sign-in")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServers.TOKEN))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("Set-Cookie"))
                .as("no session for a refused form")
                .noneMatch(cookie -> cookie.startsWith("TRACKER_SESSION="));
    }

    @Test
    void theKeyboardAloneReachesEveryControl() {
        for (String path : List.of("/", "/measures/sjres111-118", "/votes/vote-s118.2-292", "/deadlines", "/sign-in")) {
            Page page = chromium.page();
            page.navigate(url(path));
            int controls = ((Number) page.evaluate(
                            "() => { const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]),"
                                    + " select, textarea')].filter(e => e.getClientRects().length > 0 ||"
                                    + " e.classList.contains('skip'));"
                                    + " all.forEach((e, i) => e.dataset.control = i); return all.length; }"))
                    .intValue();
            Set<String> reached = new HashSet<>();
            for (int i = 0; i < controls + 5; i++) {
                page.keyboard().press("Tab");
                Object focused =
                        page.evaluate("() => document.activeElement && document.activeElement.dataset.control");
                if (focused != null) {
                    reached.add(focused.toString());
                }
            }
            assertThat(reached).as("controls reached by Tab on %s", path).hasSize(controls);
        }
    }

    @Test
    void axeFindsNoSeriousViolationOnAnyPage() {
        String axe = Chromium.axeScript();
        List<String> violations = new ArrayList<>();
        for (String path : List.of(
                "/",
                "/?q=disapproval",
                "/measures/sjres111-118",
                "/measures/mou-2016",
                "/votes/vote-s118.2-292",
                "/deadlines",
                "/sign-in")) {
            Page page = chromium.pageForInjectedChecks();
            page.navigate(url(path));
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>)
                    page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                            + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                            + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))");
            found.forEach(violation -> violations.add(path + ": " + violation));
        }
        assertThat(violations).isEmpty();
    }

    /**
     * The README's pictures of the pages, over the seed set. They are refreshed when the pages change, not by every
     * build: {@code ./mvnw -o test -pl tracker-api -Dtest=PagesTest#takeTheReadmesScreenshots
     * -Dtracker.screenshots=docs}, the folder relative to the repository's root.
     */
    @Test
    @EnabledIfSystemProperty(named = "tracker.screenshots", matches = ".+")
    void takeTheReadmesScreenshots() {
        Path docs =
                Path.of(System.getProperty("user.dir")).getParent().resolve(System.getProperty("tracker.screenshots"));
        for (String[] shot : List.of(
                new String[] {"/", "pages-measures.png"},
                new String[] {"/measures/sjres111-118", "pages-measure.png"},
                new String[] {"/measures/mou-2016", "pages-mou.png"},
                new String[] {"/deadlines", "pages-deadlines.png"})) {
            Page page = chromium.page();
            page.setViewportSize(1280, 900);
            page.navigate(url(shot[0]));
            page.screenshot(new Page.ScreenshotOptions().setPath(docs.resolve(shot[1])));
        }
    }

    private void importFile(String name, byte[] content) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/imports?name=" + name)))
                                .header("Authorization", "Bearer " + TestServers.TOKEN)
                                .header("Content-Type", "application/xml")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = PagesTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
