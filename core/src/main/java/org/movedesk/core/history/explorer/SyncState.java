package org.movedesk.core.history.explorer;

import org.movedesk.core.outbox.OutboxState;

/** Whether an entry's effect has reached the central service, derived from its outbox entry. */
public enum SyncState {
    /** Recorded at this desk, not yet accepted by the centre (pending or being sent). */
    RECORDED_OFFLINE("Recorded offline"),
    /** The centre accepted it (and sync re-read the result). */
    CONFIRMED_CENTRALLY("Confirmed centrally"),
    /** The centre refused it; a person must fix or discard it. */
    FAILED("Failed at the centre"),
    /** The centre holds something else; waiting in the conflict inbox. */
    CONFLICT("In conflict"),
    /** An operator discarded it; it never reached the centre. */
    DISCARDED("Discarded"),
    /** The entry itself came from the centre (a refresh or an event). */
    FROM_CENTRAL("From the centre"),
    /** A local record with nothing to send (e.g. a rebooked copy, an outbox decision). */
    LOCAL_ONLY("Local only");

    private final String label;

    SyncState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static SyncState of(String source, OutboxState outbox) {
        if (outbox != null) {
            return switch (outbox) {
                case PENDING, IN_FLIGHT -> RECORDED_OFFLINE;
                case CONFIRMED -> CONFIRMED_CENTRALLY;
                case FAILED -> FAILED;
                case CONFLICT -> CONFLICT;
                case DISCARDED -> DISCARDED;
            };
        }
        return "LOCAL".equals(source) ? LOCAL_ONLY : FROM_CENTRAL;
    }
}
