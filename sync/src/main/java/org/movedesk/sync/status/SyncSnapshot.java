package org.movedesk.sync.status;

import java.time.Duration;
import java.time.Instant;

/**
 * What the status bar shows, as one immutable value (so a listener never sees half an update).
 *
 * @param connectivity   from real request outcomes and the periodic probe
 * @param pending        outbox entries still to be confirmed by the centre
 * @param failed         entries the centre refused; a person must fix or discard them
 * @param conflicts      entries whose effect differs from the centre's state (conflict inbox)
 * @param lastPush       last time the push worker drained without a transient failure
 * @param lastPull       last completed refresh
 * @param activity       what sync is doing now, with progress (null when idle)
 * @param paused         the operator paused sync, or it paused itself (see {@code pauseReason})
 * @param pauseReason    why (null when running)
 * @param tokenProblem   the token service or the centre refuses our credentials (null when fine)
 * @param clockSkew      server {@code Date} minus desk clock, from the last answer (null before any)
 * @param clockSkewWarning true when the skew exceeds a minute (event timestamps would be misordered)
 * @param lastError      the latest transient problem, for a tooltip (null when none)
 */
public record SyncSnapshot(
        Connectivity connectivity,
        long pending,
        long failed,
        long conflicts,
        Instant lastPush,
        Instant lastPull,
        Activity activity,
        boolean paused,
        String pauseReason,
        String tokenProblem,
        Duration clockSkew,
        boolean clockSkewWarning,
        String lastError) {

    public enum Connectivity { UNKNOWN, ONLINE, OFFLINE }

    /**
     * @param done  units finished (pages, entries)
     * @param total units expected, 0 when unknown
     */
    public record Activity(String what, int done, int total) {
        public String describe() {
            return total > 0 ? what + " " + done + "/" + total : what;
        }

        public double progress() {
            return total > 0 ? Math.min(1.0, (double) done / total) : -1;
        }
    }

    public static SyncSnapshot initial() {
        return new SyncSnapshot(Connectivity.UNKNOWN, 0, 0, 0, null, null, null, false, null, null, null, false, null);
    }

    public boolean online() {
        return connectivity == Connectivity.ONLINE;
    }
}
