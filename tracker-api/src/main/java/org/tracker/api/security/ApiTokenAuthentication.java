package org.tracker.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * An account's token checked against the hashes on file, presented as a bearer token by an API client, typed into the
 * sign-in form, or held (as its hash) by a signed-in page's session. The authenticated principal's name is the account
 * id, which controllers receive as the request's {@link java.security.Principal} and record as the submitter of every
 * fact. Since a session keeps the token's hash and every request looks it up again, revoking the token ends the
 * session and a change of roles applies at the next request.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String account;
    private final Presented presented;

    /** What was presented: a token as typed, or the hash a session holds. */
    private record Presented(String token, String tokenSha256) {}

    private ApiTokenAuthentication(Presented presented) {
        super(null);
        this.account = null;
        this.presented = presented;
    }

    private ApiTokenAuthentication(String account, Set<Role> roles) {
        super(authorities(roles));
        this.account = account;
        this.presented = null;
        setAuthenticated(true);
    }

    private static Collection<SimpleGrantedAuthority> authorities(Set<Role> roles) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        roles.forEach(role -> held.addAll(role.withImplied()));
        return held.stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    @Override
    public Object getCredentials() {
        return presented;
    }

    @Override
    public Object getPrincipal() {
        return account;
    }

    @Override
    public String getName() {
        return account;
    }

    /** Reads {@code Authorization: Bearer <token>}; any other request goes on as anonymous. */
    static final class FromHeader implements AuthenticationConverter {

        private static final String BEARER = "Bearer ";

        @Override
        public Authentication convert(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            return new ApiTokenAuthentication(
                    new Presented(header.substring(BEARER.length()).strip(), null));
        }
    }

    /** Reads the sign-in form's {@code token} field. */
    static final class FromSignInForm implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            String token = request.getParameter("token");
            return new ApiTokenAuthentication(new Presented(token == null ? "" : token.strip(), null));
        }
    }

    /** A token known only by its hash, as a signed-in page's session keeps it. */
    static Authentication ofHash(String tokenSha256) {
        return new ApiTokenAuthentication(new Presented(null, tokenSha256));
    }

    /** Looks the token's hash up; an unknown token fails, so that a wrong token is never mistaken for no token. */
    static final class Provider implements AuthenticationProvider {

        private final ApiTokens tokens;

        Provider(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            Presented presented = (Presented) authentication.getCredentials();
            String hash;
            if (presented.tokenSha256 != null) {
                hash = presented.tokenSha256;
            } else if (presented.token.isEmpty() || presented.token.length() > 512) {
                throw new BadCredentialsException("malformed token");
            } else {
                hash = ApiTokens.sha256(presented.token);
            }
            return tokens.callerOfHash(hash)
                    .map(caller -> new ApiTokenAuthentication(caller.account(), caller.roles()))
                    .orElseThrow(() -> new BadCredentialsException("unknown token"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiTokenAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
