package org.tracker.api.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an account may do. An account holds one or more roles; {@link #OPERATOR} implies every other, so an operator
 * is never refused what a role below it may do.
 */
public enum Role {
    /** Everything, including accounts, their tokens and their roles. */
    OPERATOR,
    /** Records facts and imports files: the role of importers and integrations. */
    RECORDER,
    /** Its own subscriptions, webhooks, deliveries and alerts; reads what is public. */
    STAFFER,
    /** Reads, never writes: histories as of past moments, exports, the alert audit, the chain, checksums. */
    AUDITOR;

    /** The Spring Security authority that stands for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role and every role it implies. */
    Set<Role> withImplied() {
        return this == OPERATOR ? EnumSet.allOf(Role.class) : EnumSet.of(this);
    }

    /** @throws IllegalArgumentException naming the roles there are, when the name is none of them */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "'" + name + "' is not a role; the roles are " + EnumSet.allOf(Role.class) + ".");
    }
}
