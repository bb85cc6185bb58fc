package org.tracker.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tracker.api.security.PageRedirects;

/** What every page's header needs: who is signed in, and which of the signed-in pages they may open. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    /** The signed-in account, as the header shows it. */
    public record Account(String name, Set<String> roles) {

        public boolean holds(String role) {
            return roles.contains(role);
        }
    }

    /** Whether this request found its session's token revoked, and ended the session. */
    @ModelAttribute("sessionEnded")
    boolean sessionEnded(HttpServletRequest request) {
        return request.getAttribute(PageRedirects.SESSION_ENDED) != null;
    }

    @ModelAttribute("account")
    Account account(Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
            return null;
        }
        return new Account(
                authentication.getName(),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .map(authority -> authority.replaceFirst("^ROLE_", ""))
                        .collect(Collectors.toUnmodifiableSet()));
    }
}
