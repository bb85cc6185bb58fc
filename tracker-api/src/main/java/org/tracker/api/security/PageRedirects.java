package org.tracker.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a page that needs a signed-in account sends its visitor, and where sign-in may send them back. */
public final class PageRedirects {

    /** Set on a request whose session was ended because its token was revoked, so that the page can say why. */
    public static final String SESSION_ENDED = "tracker.session-ended";

    private PageRedirects() {}

    /** The sign-in page, to return to this request's page afterwards; @param reason why, or null */
    static String signIn(HttpServletRequest request, String reason) {
        String next =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        StringBuilder url = new StringBuilder("/sign-in");
        if ("GET".equals(request.getMethod()) && !next.startsWith("/sign-in") && !next.equals("/")) {
            url.append("?next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
        } else if (request.getParameter("next") != null) {
            url.append("?next=")
                    .append(URLEncoder.encode(safeNext(request.getParameter("next")), StandardCharsets.UTF_8));
        }
        if (reason != null) {
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(reason);
        }
        return url.toString();
    }

    /**
     * A page of this tracker to go to after signing in: a path on this host, never another site, however it is
     * spelled ({@code //host}, {@code /\host}, a scheme, a control character).
     */
    public static String safeNext(String next) {
        if (next == null
                || next.length() > 2000
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return "/";
        }
        return next;
    }
}
