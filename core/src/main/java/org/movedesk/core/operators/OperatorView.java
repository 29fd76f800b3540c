package org.movedesk.core.operators;

import java.time.Instant;
import java.util.Set;

/** An operator as the admin screen lists them (never the hash). */
public record OperatorView(String username, String displayName, Set<Role> roles, boolean enabled,
                           boolean locked, Instant lockedUntil, Instant lastSignInAt) {
}
