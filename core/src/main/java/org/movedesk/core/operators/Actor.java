package org.movedesk.core.operators;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Who is acting, passed first to every service method (each service checks the role itself). */
public record Actor(String username, Set<Role> roles, String deskId) {

    public Actor {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an actor needs a username");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The sync worker and the event listener act as SYSTEM. */
    public static Actor system(String name, String deskId) {
        return new Actor(name, Set.of(Role.SYSTEM), deskId);
    }

    /** The same person with no roles (tests and "signed in but not authorised" checks). */
    public Actor withoutRoles() {
        return new Actor(username, Set.of(), deskId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }
}
