package org.movedesk.core.history.stats;

/** Cancelled moves by reason: {@code kind} is "cancelled" or "rejected", {@code reason} the central value. */
public record ReasonCount(String kind, String reason, long moves) {
}
