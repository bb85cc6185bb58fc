package org.tracker.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.pattern.PathPatternParser;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.security.AccessRules.Rule;

/**
 * Every route the dispatcher knows, under every spelling of its path the router accepts or a client might try,
 * refused to a caller without a token, with an unknown token, and with a token that lacks the route's role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
        // the enumeration sends thousands of unknown tokens from loopback; the throttle has a test of its own
        registry.add("tracker.security.failed-authentications-allowed", () -> "1000000");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Autowired
    JdbcTemplate jdbc;

    final Map<Role, String> tokens = new java.util.EnumMap<>(Role.class);

    @BeforeAll
    void createAccountsForEachRole() {
        tokens.put(Role.OPERATOR, TestServers.TOKEN);
        for (Role role : List.of(Role.RECORDER, Role.STAFFER, Role.AUDITOR)) {
            String id = "only-" + role.name().toLowerCase();
            Api.Response created = new Api(port)
                    .as(
                            TestServers.TOKEN,
                            "POST",
                            "/api/admin/accounts",
                            "{\"id\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"%s\"]}"
                                    .formatted(id, id, role));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            tokens.put(role, created.body().get("token").asText());
        }
    }

    /** A route of the dispatcher with sample values in place of its variables. */
    record Route(HttpMethod method, String pattern, String path, HandlerMethod handler) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    List<Route> everyRoute() {
        List<Route> all = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                routes.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            Set<HttpMethod> methods = info.getMethodsCondition().getMethods().stream()
                    .map(method -> HttpMethod.valueOf(method.name()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (methods.isEmpty()) {
                methods = Set.of(HttpMethod.GET, HttpMethod.POST);
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // reached by the container's error dispatch, which carries the refused request's status
                }
                for (HttpMethod method : methods) {
                    all.add(new Route(method, pattern, sample(pattern), mapping.getValue()));
                }
            }
        }
        return all;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private static String sample(String pattern) {
        Matcher variables = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value =
                    switch (variables.group(1).replaceFirst(":.*", "")) {
                        case "projection" -> "measures";
                        case "measureId", "billId" -> "hr1229-119";
                        case "bioguideId" -> "W000795";
                        default -> "x1";
                    };
            variables.appendReplacement(path, value);
        }
        variables.appendTail(path);
        return path.toString().replace("/**", "/x");
    }

    /** Spellings of a path: the router decodes percent-escapes, so an escaped letter is the same route. */
    static List<String> spellings(String path) {
        List<String> spellings = new ArrayList<>();
        spellings.add(path);
        String[] segments = path.substring(1).split("/");
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            int letter = firstLetter(segment);
            if (letter >= 0) {
                String[] changed = segments.clone();
                changed[s] = segment.substring(0, letter) + "%" + Integer.toHexString(segment.charAt(letter))
                        + segment.substring(letter + 1);
                spellings.add("/" + String.join("/", changed));
                changed[s] = segment.substring(0, letter)
                        + "%" + Integer.toHexString(segment.charAt(letter)).toUpperCase()
                        + segment.substring(letter + 1);
                spellings.add("/" + String.join("/", changed));
            }
        }
        spellings.add(percentEncodeAll(path));
        spellings.add(path + "/");
        spellings.add("/" + path);
        spellings.add(path.replaceFirst("/", "//"));
        spellings.add(path.replaceFirst("^/api/", "/api/./"));
        spellings.add(path.replaceFirst("^/api/", "/api/x/../"));
        spellings.add(path.replaceFirst("^/api/", "/api/%2e/"));
        spellings.add(path.replaceFirst("^/api/", "/api/x/%2e%2e/"));
        spellings.add(path.replaceFirst("^/api/", "/api%2F"));
        spellings.add(path.replaceFirst("^/api/", "/api%2f"));
        spellings.add(path.replaceFirst("^/api/", "/api%5C"));
        spellings.add(path.replaceFirst("^/api/", Matcher.quoteReplacement("/api\\")));
        spellings.add(path.replaceFirst("^/api/", "/api;x=1/"));
        spellings.add(path + ";jsessionid=1");
        spellings.add(path.replaceFirst("^/api/", "/api%3b/"));
        spellings.add(path.replaceFirst("^/api/", "/%2561pi/"));
        spellings.add(path + "%00");
        spellings.add(path + "%20");
        spellings.add(path.toUpperCase());
        spellings.add(path + "?x=%00");
        spellings.add(path + "#fragment");
        return spellings;
    }

    private static int firstLetter(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (Character.isLetter(segment.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String percentEncodeAll(String path) {
        StringBuilder encoded = new StringBuilder();
        for (char c : path.toCharArray()) {
            encoded.append(c == '/' ? "/" : "%" + Integer.toHexString(c));
        }
        return encoded.toString();
    }

    @Test
    void everyRouteIsGovernedByARuleOfItsOwn() {
        SoftAssertions softly = new SoftAssertions();
        for (Route route : everyRoute()) {
            softly.assertThat(AccessRules.ruleFor(route.method(), route.path()))
                    .as("%s falls through to the catch-all rule; give it a line in AccessRules", route)
                    .isPresent();
        }
        softly.assertAll();
    }

    @Test
    void aRouteThatNeedsAPrincipalIsNeverPublic() {
        SoftAssertions softly = new SoftAssertions();
        for (Route route : everyRoute()) {
            Method method = route.handler().getMethod();
            boolean wantsPrincipal =
                    Arrays.stream(method.getParameterTypes()).anyMatch(Principal.class::isAssignableFrom);
            if (wantsPrincipal) {
                softly.assertThat(AccessRules.ruleFor(route.method(), route.path())
                                .map(Rule::isPublic))
                        .as("%s reads the caller but anyone may call it", route)
                        .contains(false);
            }
        }
        softly.assertAll();
    }

    @Test
    void noSpellingOfAGuardedRouteLetsInACallerWithoutItsRole() {
        RawHttp http = new RawHttp(port);
        SoftAssertions softly = new SoftAssertions();
        long accountsBefore = accounts();
        for (Route route : everyRoute()) {
            Rule rule = AccessRules.ruleFor(route.method(), route.path()).orElseThrow();
            if (rule.isPublic()) {
                continue;
            }
            Role needed = rule.role().orElseThrow();
            List<String> callers = new ArrayList<>(Arrays.asList(null, "trk_not-a-known-token"));
            for (Role role : EnumSet.complementOf(EnumSet.of(Role.OPERATOR, needed))) {
                callers.add(tokens.get(role));
            }
            for (String spelling : spellings(route.path())) {
                for (String caller : callers) {
                    RawHttp.Response response = http.send(route.method().name(), spelling, caller, "{}");
                    String what = "%s as %s, spelt %s: %d %s"
                            .formatted(route, who(caller), spelling, response.status(), response.body());
                    softly.assertThat(response.status()).as(what).isIn(400, 401, 403, 404, 405, 429);
                    softly.assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
                }
            }
        }
        softly.assertThat(accounts()).as("no account was made").isEqualTo(accountsBefore);
        softly.assertAll();
    }

    @Test
    void everyRoleReachesItsRoutesAndNoneAnswers5xx() {
        RawHttp http = new RawHttp(port);
        SoftAssertions softly = new SoftAssertions();
        for (Route route : everyRoute()) {
            Rule rule = AccessRules.ruleFor(route.method(), route.path()).orElseThrow();
            if (route.path().contains("/rebuild") && route.method() == HttpMethod.POST) {
                continue; // a rebuild is a long job of its own; AuditReplayTest runs it
            }
            if (route.handler().getMethod().getReturnType() == SseEmitter.class) {
                continue; // a page's live stream does not end; PagesTest reads it
            }
            String token = tokens.get(rule.role().orElse(Role.STAFFER));
            RawHttp.Response response = http.send(route.method().name(), route.path(), token, "{}");
            if (isPage(route) && route.method() == HttpMethod.POST) {
                softly.assertThat(response.status())
                        .as("%s without the form's CSRF token: %d", route, response.status())
                        .isEqualTo(403);
                continue;
            }
            softly.assertThat(response.status())
                    .as("%s with its role: %d %s", route, response.status(), response.body())
                    .isNotIn(401, 403)
                    .isLessThan(500);
        }
        softly.assertAll();
    }

    private static boolean isPage(Route route) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return AccessRules.PAGES.stream()
                .anyMatch(page -> parser.parse(page).matches(PathContainer.parsePath(route.path())));
    }

    @Test
    void anEscapedLetterReachesTheRouteAndItsRule() {
        RawHttp http = new RawHttp(port);
        String body = "{\"id\":\"intruder\",\"name\":\"x\",\"email\":\"x@example.org\",\"roles\":[\"OPERATOR\"]}";
        assertThat(http.send("POST", "/%61pi/admin/accounts", null, body).status())
                .isEqualTo(401);
        assertThat(http.send("POST", "/%61pi/admin/accounts", tokens.get(Role.STAFFER), body)
                        .status())
                .isEqualTo(403);
        assertThat(http.send("POST", "/api/%61dmin/accounts", tokens.get(Role.AUDITOR), body)
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from account where id = 'intruder'", Long.class))
                .isZero();
        RawHttp.Response byOperator = http.send("POST", "/%61pi/admin/accounts", TestServers.TOKEN, body);
        assertThat(byOperator.status())
                .as("the router takes the escaped spelling")
                .isEqualTo(201);
    }

    @Test
    void healthDetailsAndMetricsAreForOperatorsOnly() {
        Api api = new Api(port);
        Api.Response anonymous = api.get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().has("components"))
                .as("no disk paths for strangers: " + anonymous.body())
                .isFalse();
        assertThat(api.get("/actuator/health/readiness").body().path("status").asText())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").body().path("status").asText())
                .isEqualTo("UP");
        assertThat(api.as(tokens.get(Role.STAFFER), "GET", "/actuator/health", null)
                        .body()
                        .has("components"))
                .isFalse();
        assertThat(api.as(TestServers.TOKEN, "GET", "/actuator/health", null)
                        .body()
                        .has("components"))
                .isTrue();
        assertThat(api.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(api.as(tokens.get(Role.AUDITOR), "GET", "/actuator/metrics", null)
                        .status())
                .isEqualTo(403);
        assertThat(api.as(TestServers.TOKEN, "GET", "/actuator/metrics", null).status())
                .isEqualTo(200);
    }

    @Test
    void theTableInSecurityMdIsTheTableInTheCode() throws Exception {
        String document = Files.readString(Path.of("..", "SECURITY.md"));
        for (Rule rule : AccessRules.RULES) {
            String methods = rule.methods().isEmpty()
                    ? "any"
                    : rule.methods().stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
            String row = "| " + rule.patterns().stream().map(p -> "`" + p + "`").collect(Collectors.joining(" "))
                    + " | " + methods + " | " + rule.role().map(Role::name).orElse("anyone") + " |";
            assertThat(document).as("SECURITY.md lacks the row\n" + row).contains(row);
        }
    }

    private long accounts() {
        return jdbc.queryForObject("select count(*) from account", Long.class);
    }

    private String who(String token) {
        if (token == null) {
            return "nobody";
        }
        return tokens.entrySet().stream()
                .filter(entry -> entry.getValue().equals(token))
                .map(entry -> entry.getKey().name())
                .findFirst()
                .orElse("an unknown token");
    }
}
