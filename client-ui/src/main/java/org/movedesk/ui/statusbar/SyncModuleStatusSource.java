package org.movedesk.ui.statusbar;

import java.time.Instant;

import org.movedesk.core.outbox.OutboxCounts;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.sync.status.SyncStatus;

/**
 * The status bar fed by the sync module's status model: connectivity, last push/pull, what
 * sync is doing and why it paused. The counts come from core's outbox, which is the truth
 * even when sync is switched off.
 */
public class SyncModuleStatusSource implements SyncStatusSource {

    private final SyncStatus status;
    private final OutboxService outbox;
    private final boolean syncRuns;

    public SyncModuleStatusSource(SyncStatus status, OutboxService outbox, boolean syncRuns) {
        this.status = status;
        this.outbox = outbox;
        this.syncRuns = syncRuns;
    }

    @Override
    public SyncSnapshot snapshot() {
        OutboxCounts counts = outbox.counts();
        org.movedesk.sync.status.SyncSnapshot sync = status.current();
        boolean online = syncRuns && sync.connectivity() == org.movedesk.sync.status.SyncSnapshot.Connectivity.ONLINE;
        Instant lastSync = latest(sync.lastPush(), sync.lastPull());
        String activity = "";
        if (sync.tokenProblem() != null) {
            activity = "Sync paused: " + sync.tokenProblem();
        } else if (sync.paused()) {
            activity = "Sync paused" + (sync.pauseReason() == null ? "" : ": " + sync.pauseReason());
        } else if (sync.activity() != null) {
            activity = sync.activity().describe();
        }
        return new SyncSnapshot(online, syncRuns, counts.pending(), counts.failed(), counts.conflict(), lastSync, activity);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    @Override
    public void onChange(Runnable listener) {
        status.addListener(snapshot -> listener.run());
    }
}
