package org.tracker.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tracker.api.security.ApiTokens;

/** Lets reads through and admits writes to {@code /api} only with a known bearer token. */
@Component
public class WriteAccessFilter extends OncePerRequestFilter {

    /** The request attribute that carries the writing account to the controllers. */
    public static final String ACCOUNT = "tracker.account";

    private final ApiTokens tokens;
    private final ObjectMapper json;

    public WriteAccessFilter(ApiTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !request.getRequestURI().startsWith("/api/")
                || HttpMethod.GET.matches(method)
                || HttpMethod.HEAD.matches(method)
                || HttpMethod.OPTIONS.matches(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(request, response, "Writing requires an API token: send it as 'Authorization: Bearer <token>'.");
            return;
        }
        Optional<String> account = tokens.accountOf(header.substring(7).strip());
        if (account.isEmpty()) {
            refuse(request, response, "This API token is not known; ask an operator for a valid one.");
            return;
        }
        request.setAttribute(ACCOUNT, account.get());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        ProblemDetail problem =
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or unknown API token", detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
