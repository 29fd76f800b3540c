package org.movedesk.core.operators;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.movedesk.core.common.PermissionDeniedException;

/** The role checks every service makes before it reads or writes anything. */
public final class Permissions {

    /** Roles that may read moves: everyone except an operator who holds only RP_* roles. */
    public static final Role[] MOVE_READERS = {Role.PRISON_STAFF, Role.SUPPLIER, Role.SUPERVISOR, Role.ADMIN, Role.SYSTEM};

    private Permissions() {
    }

    public static void require(Actor actor, String what, Role... anyOf) {
        if (actor == null) {
            throw new PermissionDeniedException("Nobody is signed in; sign in to " + what + ".");
        }
        if (!actor.hasAny(anyOf)) {
            String needed = Arrays.stream(anyOf).map(Enum::name).collect(Collectors.joining(" or "));
            throw new PermissionDeniedException(
                    "Operator " + actor.username() + " may not " + what + " (needs the role " + needed + ").");
        }
    }
}
