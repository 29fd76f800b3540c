package org.movedesk.sync.events;

/** What the listener did with one consumed event; every outcome deletes the message. */
public enum EventOutcome {
    /** The change was applied (or the event needed no change, e.g. the prisoner is no patient). */
    APPLIED,
    /** Seen before (same de-duplication key): acknowledged, nothing applied again. */
    DUPLICATE,
    /** Older than an event already applied for the same prisoner: acknowledged, not applied. */
    STALE,
    /** A type this desk does not handle, or our own event coming back: acknowledged and logged. */
    IGNORED
}
