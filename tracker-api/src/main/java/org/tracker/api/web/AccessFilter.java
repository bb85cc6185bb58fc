package org.tracker.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tracker.api.security.ApiTokens;
import org.tracker.api.security.ApiTokens.Caller;

/**
 * Who may do what under {@code /api}: anyone may read measures, except every measure as of a past moment, which reads
 * the whole event store; everything else (writing facts, an account's subscriptions, webhooks and deliveries) needs a
 * known bearer token, and {@code /api/admin} an operator's. The caller's account reaches the controllers as the
 * request's principal.
 */
@Component
public class AccessFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ObjectMapper json;

    public AccessFilter(ApiTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/")
                || (isRead(request.getMethod()) && path.startsWith("/api/measures") && !readsTheWholeStore(request));
    }

    private static boolean readsTheWholeStore(HttpServletRequest request) {
        return request.getRequestURI().equals("/api/measures")
                && (request.getParameter("asOf") != null || request.getParameter("effectiveOn") != null);
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "This needs an API token: send it as 'Authorization: Bearer <token>'.");
            return;
        }
        Optional<Caller> caller = tokens.callerOf(header.substring(7).strip());
        if (caller.isEmpty()) {
            refuse(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "This API token is not known; ask an operator for a valid one.");
            return;
        }
        if (request.getRequestURI().startsWith("/api/admin/") && !caller.get().admin()) {
            refuse(request, response, HttpStatus.FORBIDDEN, "Only an operator's token may use /api/admin.");
            return;
        }
        Principal principal = caller.get()::account;
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Principal getUserPrincipal() {
                        return principal;
                    }
                },
                response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = status == HttpStatus.FORBIDDEN
                ? Problems.of(status, "forbidden", "Not allowed for this account", detail)
                : Problems.of(status, "unauthorized", "Missing or unknown API token", detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
