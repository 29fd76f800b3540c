package org.movedesk.core.outbox;

/** PENDING → IN_FLIGHT → CONFIRMED, or FAILED / CONFLICT (a person decides) → DISCARDED or back to PENDING. */
public enum OutboxState {
    PENDING, IN_FLIGHT, CONFIRMED, FAILED, CONFLICT, DISCARDED;

    /** Still to be done: holds back later entries of its aggregate. */
    public boolean isOpen() {
        return this != CONFIRMED && this != DISCARDED;
    }
}
