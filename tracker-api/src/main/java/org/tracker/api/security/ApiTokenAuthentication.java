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
 * A bearer token checked against the hashes on file. The authenticated principal's name is the account id, which
 * controllers receive as the request's {@link java.security.Principal} and record as the submitter of every fact.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String account;
    private final String token;

    private ApiTokenAuthentication(String token) {
        super(null);
        this.account = null;
        this.token = token;
    }

    private ApiTokenAuthentication(String account, Set<Role> roles) {
        super(authorities(roles));
        this.account = account;
        this.token = null;
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
        return token;
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
            return new ApiTokenAuthentication(header.substring(BEARER.length()).strip());
        }
    }

    /** Looks the token's hash up; an unknown token fails, so that a wrong token is never mistaken for no token. */
    static final class Provider implements AuthenticationProvider {

        private final ApiTokens tokens;

        Provider(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Authentication authenticate(Authentication presented) {
            String token = (String) presented.getCredentials();
            if (token.isEmpty() || token.length() > 512) {
                throw new BadCredentialsException("malformed token");
            }
            return tokens.callerOf(token)
                    .map(caller -> new ApiTokenAuthentication(caller.account(), caller.roles()))
                    .orElseThrow(() -> new BadCredentialsException("unknown token"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiTokenAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
