package org.tracker.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.tracker.api.security.AccessRules.Rule;
import org.tracker.api.web.Problems;

/**
 * The one filter chain every request passes: the firewall refuses ambiguous spellings of a path (encoded slashes and
 * dots, {@code ;} parameters, {@code ..}, {@code %25}, control characters) before anything runs; a bearer token, if
 * any, is authenticated; then {@link AccessRules} decides on the path as the dispatcher routes it. Every refusal is
 * problem+json. The API has no sessions and no cookies, so there is nothing for CSRF to forge; the pages, which do,
 * pass a chain of their own ({@link #pageChain}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    /**
     * Every request is already timed as {@code http.server.requests}; observing each of the chain's filters as well
     * took 2% of the CPU under the alert benchmark (JFR), for no figure anyone reads.
     */
    @Bean
    SecurityObservationSettings noObservationPerFilter() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    HttpFirewall firewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler rejectedRequests(ObjectMapper json) {
        return (request, response, rejected) -> write(
                json,
                request,
                response,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "rejected-request",
                        "Ambiguous request",
                        "The request was refused before it was routed (" + rejected.getMessage() + "). Paths may not"
                                + " hold an encoded '/', '.' or '%', a ';' parameter, '..', '//' or a control"
                                + " character, and methods are the standard ones: send the plain path."));
    }

    @Bean
    FailedAuthentications failedAuthentications(SecurityProperties properties, MeterRegistry meters) {
        return new FailedAuthentications(
                properties.failedAuthenticationsAllowed(),
                properties.failedAuthenticationWindow(),
                Clock.systemUTC(),
                meters);
    }

    /**
     * The pages a person reads in a browser: a session (kept in PostgreSQL, so any instance serves its next request)
     * holds the hash of the token its owner signed in with, forms carry a CSRF token, and a refusal is a page or a
     * redirect to sign in rather than problem+json. The same route table decides.
     */
    @Bean
    @Order(1)
    SecurityFilterChain pageChain(
            HttpSecurity http, ApiTokens tokens, FailedAuthentications failures, TemplateEngine templates)
            throws Exception {
        List<Guarded> guarded = guardedRoutes();
        ApiTokenAuthentication.Provider tokenProvider = new ApiTokenAuthentication.Provider(tokens);
        SessionTokens sessions = new SessionTokens(tokenProvider);

        AuthenticationFilter signIn = new AuthenticationFilter(
                new ProviderManager(tokenProvider), new ApiTokenAuthentication.FromSignInForm());
        signIn.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/sign-in"));
        signIn.setSecurityContextRepository(sessions);
        signIn.setSuccessHandler((request, response, authentication) ->
                SessionTokens.open(request, request.getParameter("token").strip(), authentication));
        signIn.setFailureHandler((request, response, failure) -> {
            Duration wait = failures.failed(request.getRemoteAddr(), request.getRequestURI());
            SecurityContextHolder.clearContext();
            response.sendRedirect(PageRedirects.signIn(request, wait.isZero() ? "unknown" : "throttled"));
        });

        // The CSRF token lives in a cookie of its own rather than in a session, so that a visitor who has not signed in
        // (or a stranger posting forms) never makes a session row.
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("TRACKER_CSRF");
        csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));

        return http.securityMatcher(pageMatcher())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .securityContext(context -> context.securityContextRepository(sessions))
                .sessionManagement(management -> management
                        .sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.none()))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(signOut -> signOut.logoutUrl("/sign-out")
                        .logoutSuccessUrl("/?signed-out")
                        .invalidateHttpSession(true))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                        + " connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
                                        + " base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(signIn, AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> authorize(requests, guarded))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> response.sendRedirect(PageRedirects.signIn(request, null)))
                        .accessDeniedHandler((request, response, e) -> refusedPage(templates, request, response, e)))
                .build();
    }

    /** A page refused to a signed-in account, or a form posted without its CSRF token: a page saying so. */
    private static void refusedPage(
            TemplateEngine templates, HttpServletRequest request, HttpServletResponse response, Exception refusal)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String message = refusal instanceof CsrfException
                ? "The form was sent without the token this page gave it, or the page is too old. Go back, reload"
                        + " the page and send the form again."
                : "This page needs a role the account '" + (caller == null ? "?" : caller.getName())
                        + "' does not hold. An operator grants roles with PUT /api/admin/accounts/{id}/roles.";
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        templates.process(
                "problem",
                new Context(Locale.US, Map.of("heading", "Not allowed", "message", message)),
                response.getWriter());
    }

    /** Everything that is not a page: the API, its documents and the actuator, stateless, with bearer tokens. */
    @Bean
    @Order(2)
    SecurityFilterChain filterChain(
            HttpSecurity http, ApiTokens tokens, FailedAuthentications failures, ObjectMapper json) throws Exception {
        List<Guarded> guarded = guardedRoutes();
        AuthenticationFilter bearer = new AuthenticationFilter(
                new ProviderManager(new ApiTokenAuthentication.Provider(tokens)),
                new ApiTokenAuthentication.FromHeader());
        bearer.setSuccessHandler((request, response, authentication) -> {});
        bearer.setFailureHandler((request, response, failure) -> {
            Duration wait = failures.failed(request.getRemoteAddr(), request.getRequestURI());
            SecurityContextHolder.clearContext();
            if (wait.isZero()) {
                unauthorized(json, request, response, "This API token is not known; ask an operator for a valid one.");
            } else {
                tooManyFailures(json, request, response, wait);
            }
        });
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(bearer, AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> authorize(requests, guarded))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> unauthorized(
                                json,
                                request,
                                response,
                                "This needs an API token: send it as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((request, response, e) -> forbidden(json, request, response, guarded)))
                .build();
    }

    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            List<Guarded> guarded) {
        requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC, DispatcherType.FORWARD)
                .permitAll();
        for (Guarded route : guarded) {
            if (route.rule.isPublic()) {
                requests.requestMatchers(route.matcher).permitAll();
            } else {
                requests.requestMatchers(route.matcher)
                        .hasRole(route.rule.role().orElseThrow().name());
            }
        }
        requests.anyRequest().authenticated();
    }

    private static RequestMatcher pageMatcher() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(AccessRules.PAGES.stream()
                .map(paths::matcher)
                .map(RequestMatcher.class::cast)
                .toList());
    }

    /** A rule of {@link AccessRules} with the matcher that applies it. */
    private record Guarded(RequestMatcher matcher, Rule rule) {}

    private static List<Guarded> guardedRoutes() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<Guarded> guarded = new ArrayList<>();
        for (Rule rule : AccessRules.RULES) {
            List<RequestMatcher> matchers = new ArrayList<>();
            for (String pattern : rule.patterns()) {
                if (rule.methods().isEmpty()) {
                    matchers.add(paths.matcher(pattern));
                } else {
                    for (HttpMethod method : rule.methods()) {
                        matchers.add(paths.matcher(method, pattern));
                    }
                }
            }
            guarded.add(new Guarded(new OrRequestMatcher(matchers), rule));
        }
        return guarded;
    }

    private static void unauthorized(
            ObjectMapper json, HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(
                json,
                request,
                response,
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or unknown API token", detail));
    }

    private static void tooManyFailures(
            ObjectMapper json, HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(
                json,
                request,
                response,
                Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-failed-authentications",
                        "Too many unknown tokens",
                        "Too many requests from this address carried an unknown token; try again in " + seconds
                                + " s with a valid one. Valid tokens are accepted meanwhile."));
    }

    private static void forbidden(
            ObjectMapper json, HttpServletRequest request, HttpServletResponse response, List<Guarded> guarded)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String held = caller == null
                ? "none"
                : caller.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .map(authority -> authority.replaceFirst("^ROLE_", ""))
                        .sorted()
                        .collect(Collectors.joining(", "));
        Optional<Role> needed = guarded.stream()
                .filter(route -> route.matcher.matches(request))
                .findFirst()
                .flatMap(route -> route.rule.role());
        String detail = needed.map(role -> "This route needs the role " + role + " (or OPERATOR); ")
                        .orElse("This request needs a role your account does not hold (every measure as of a past"
                                + " moment needs AUDITOR); ")
                + "the account '" + (caller == null ? "?" : caller.getName()) + "' holds " + held
                + ". An operator grants roles with PUT /api/admin/accounts/{id}/roles.";
        write(
                json,
                request,
                response,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this account", detail));
    }

    private static void write(
            ObjectMapper json, HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // a path the firewall refused may not even be a URI; the problem then names none
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
