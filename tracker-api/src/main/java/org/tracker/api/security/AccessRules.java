package org.tracker.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may use which route: the one table the filter chain is built from, in order, the first matching rule deciding.
 * Patterns are matched the way Spring MVC routes ({@code PathPatternRequestMatcher}), on the decoded path, so no
 * spelling of a path that reaches a controller escapes the rule written for it. {@code SECURITY.md} prints this table
 * and a test keeps the two equal.
 *
 * <p>A route serving several roles narrows itself with a method rule: every measure as of a past moment ({@code GET
 * /api/measures?asOf=}) reads the whole event store and needs an {@link Role#AUDITOR}.
 */
public final class AccessRules {

    /**
     * @param methods the HTTP methods the rule covers; empty for all of them
     * @param role who may, or empty when anyone may, without a token
     */
    public record Rule(Set<HttpMethod> methods, List<String> patterns, Optional<Role> role) {

        public boolean isPublic() {
            return role.isEmpty();
        }
    }

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> ANY = Set.of();

    /**
     * The paths of the pages, which pass the page chain (sessions, CSRF-protected forms) rather than the API's; their
     * rules are in {@link #RULES} with every other.
     */
    public static final List<String> PAGES = List.of(
            "/",
            "/measures.csv",
            "/measures/**",
            "/votes/**",
            "/deadlines",
            "/deadlines.ics",
            "/live",
            "/assets/**",
            "/sign-in",
            "/sign-out");

    public static final List<Rule> RULES = List.of(
            anyone(
                    READS,
                    "/",
                    "/measures.csv",
                    "/measures/**",
                    "/votes/**",
                    "/deadlines",
                    "/deadlines.ics",
                    "/live",
                    "/assets/**"),
            anyone(Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST), "/sign-in", "/sign-out"),
            anyone(READS, "/api/measures", "/api/measures/**"),
            anyone(Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST), "/unsubscribe/*"),
            anyone(READS, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
            anyone(READS, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"),
            only(Role.OPERATOR, ANY, "/api/admin/accounts/**", "/api/admin/parked/**"),
            only(Role.OPERATOR, Set.of(HttpMethod.POST), "/api/admin/projections/**"),
            only(
                    Role.AUDITOR,
                    ANY,
                    "/api/admin/projections/**",
                    "/api/admin/alerts/**",
                    "/api/admin/chain/**",
                    "/api/admin/export/**"),
            only(Role.OPERATOR, ANY, "/api/admin/**", "/actuator/**"),
            only(
                    Role.RECORDER,
                    ANY,
                    "/api/imports/**",
                    "/api/bills/**",
                    "/api/votes/**",
                    "/api/arms-sales/**",
                    "/api/waivers/**",
                    "/api/mous/**",
                    "/api/reports/**"),
            only(
                    Role.STAFFER,
                    ANY,
                    "/api/subscriptions/**",
                    "/api/webhooks/**",
                    "/api/deliveries/**",
                    "/api/alerts/**"));

    private AccessRules() {}

    /**
     * The rule that governs a request, as the filter chain finds it: the first whose methods and patterns match the
     * path as Spring MVC routes it.
     *
     * @return empty when no rule names the path, which then needs a known token
     */
    public static Optional<Rule> ruleFor(HttpMethod method, String path) {
        PathContainer route = PathContainer.parsePath(path);
        return RULES.stream()
                .filter(rule -> rule.methods().isEmpty() || rule.methods().contains(method))
                .filter(rule -> rule.patterns().stream()
                        .anyMatch(pattern ->
                                PathPatternParser.defaultInstance.parse(pattern).matches(route)))
                .findFirst();
    }

    private static Rule anyone(Set<HttpMethod> methods, String... patterns) {
        return new Rule(methods, List.of(patterns), Optional.empty());
    }

    private static Rule only(Role role, Set<HttpMethod> methods, String... patterns) {
        return new Rule(methods, List.of(patterns), Optional.of(role));
    }
}
