package org.movedesk.ui.statusbar;

import java.time.Instant;

/**
 * What the status bar shows about synchronisation, whoever supplies it.
 *
 * @param online    true when the last contact with the central services worked
 * @param connected false when this desk has no sync configured at all (then "offline" is normal)
 * @param pending   local changes waiting to be sent
 * @param failed    changes the centre refused (someone must fix or discard them)
 * @param conflicts changes that met a different central state
 * @param lastSync  last successful sync, null if never
 * @param activity  what sync is doing now ("Sending 3 changes"), empty when idle
 */
public record SyncSnapshot(boolean online, boolean connected, long pending, long failed, long conflicts,
                           Instant lastSync, String activity) {

    public static SyncSnapshot offline(long pending, long failed, long conflicts) {
        return new SyncSnapshot(false, false, pending, failed, conflicts, null, "");
    }
}
