package org.tracker.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * Where a signed-in page's security context comes from: its session holds only the hash of the token its owner signed
 * in with, and each request looks that token up again, so a revoked token ends the session at its next request and a
 * change of roles applies at once. Nothing else is kept in the session, and the session keeps its id between
 * requests (a page's live stream and its next click would otherwise race to rename it).
 */
final class SessionTokens implements SecurityContextRepository {

    /** The session attribute a signed-in page's token hash is kept in. */
    private static final String TOKEN_HASH = "tracker.token-sha256";

    private final ApiTokenAuthentication.Provider tokens;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SessionTokens(ApiTokenAuthentication.Provider tokens) {
        this.tokens = tokens;
    }

    /** Opens a session for the account that just signed in with {@code token}, under a new session id. */
    static void open(HttpServletRequest request, String token, Authentication account) {
        HttpSession before = request.getSession(false);
        if (before != null) {
            before.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(TOKEN_HASH, ApiTokens.sha256(token));
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, account.getName());
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<SecurityContext> load = () -> load(request);
        return new DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) {
                    loaded = load.get();
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    private SecurityContext load(HttpServletRequest request) {
        SecurityContext context = contexts.createEmptyContext();
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(TOKEN_HASH) instanceof String hash)) {
            return context;
        }
        try {
            context.setAuthentication(tokens.authenticate(ApiTokenAuthentication.ofHash(hash)));
        } catch (AuthenticationException revoked) {
            session.invalidate();
            request.setAttribute(PageRedirects.SESSION_ENDED, Boolean.TRUE);
        }
        return context;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    /** Nothing to save: sign-in {@linkplain #open opens} the session, and the context is made again per request. */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {}

    @Override
    public boolean containsContext(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(TOKEN_HASH) != null;
    }
}
