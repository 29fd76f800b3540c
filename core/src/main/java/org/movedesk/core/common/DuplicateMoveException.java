package org.movedesk.core.common;

import java.util.UUID;

/** The same person already has an active move on that route and date (central code {@code taken}). */
public class DuplicateMoveException extends MoveDeskException {

    private final UUID existingMoveId;
    private final String existingReference;

    public DuplicateMoveException(UUID existingMoveId, String existingReference, String message) {
        super("DUPLICATE_MOVE", message);
        this.existingMoveId = existingMoveId;
        this.existingReference = existingReference;
    }

    public UUID existingMoveId() {
        return existingMoveId;
    }

    /** The central reference, or null when the existing move is not yet synced. */
    public String existingReference() {
        return existingReference;
    }
}
