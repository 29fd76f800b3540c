package org.movedesk.core.outbox;

/** For the status bar: pending = PENDING + IN_FLIGHT. */
public record OutboxCounts(long pending, long inFlight, long failed, long conflict) {
}
