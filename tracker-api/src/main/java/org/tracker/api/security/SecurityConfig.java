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
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.tracker.api.security.AccessRules.Rule;
import org.tracker.api.web.Problems;

/**
 * The one filter chain every request passes: the firewall refuses ambiguous spellings of a path (encoded slashes and
 * dots, {@code ;} parameters, {@code ..}, {@code %25}, control characters) before anything runs; a bearer token, if
 * any, is authenticated; then {@link AccessRules} decides on the path as the dispatcher routes it. Every refusal is
 * problem+json. There are no sessions and no cookies, so there is nothing for CSRF to forge.
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
    SecurityFilterChain filterChain(
            HttpSecurity http, ApiTokens tokens, SecurityProperties properties, MeterRegistry meters, ObjectMapper json)
            throws Exception {
        List<Guarded> guarded = guardedRoutes();
        FailedAuthentications failures = new FailedAuthentications(
                properties.failedAuthenticationsAllowed(),
                properties.failedAuthenticationWindow(),
                Clock.systemUTC(),
                meters);
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
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
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
                })
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> unauthorized(
                                json,
                                request,
                                response,
                                "This needs an API token: send it as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((request, response, e) -> forbidden(json, request, response, guarded)))
                .build();
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
