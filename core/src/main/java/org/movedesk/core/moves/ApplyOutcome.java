package org.movedesk.core.moves;

/** What {@link MoveSyncService#applyCentral} did with one central move. */
public enum ApplyOutcome {
    /** A move the desk did not know was added. */
    INSERTED,
    /** A local move without a central id (a rebooked copy) was linked to it. */
    LINKED,
    /** Central values were taken. */
    UPDATED,
    /** Central values were taken except fields with a local change still pending. */
    UPDATED_KEEPING_LOCAL,
    /** Nothing differed. */
    UNCHANGED,
    /** The central status contradicts a pending local transition; that outbox entry is now CONFLICT. */
    CONFLICT,
    /** A location it refers to is not in the desk's reference data yet (refresh locations, then retry). */
    SKIPPED_UNKNOWN_LOCATION
}
