package org.movedesk.sandbox.faults;

/**
 * What to do to one request. A {@code before} status (429, 500 or 503) means the request is answered at once
 * and never applied; {@code drop} and {@code truncate} happen after the request was applied, which is the
 * case a client's idempotency handling must survive.
 */
public record FaultPlan(long latencyMillis, int before, int retryAfterSeconds, boolean drop, boolean truncate) {

    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, false, false);

    public boolean answersBefore() {
        return before != 0;
    }
}
