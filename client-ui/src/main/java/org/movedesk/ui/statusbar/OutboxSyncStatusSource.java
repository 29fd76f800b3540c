package org.movedesk.ui.statusbar;

import org.movedesk.core.outbox.OutboxCounts;
import org.movedesk.core.outbox.OutboxService;

/**
 * The status source when no sync status model is present: counts from core's outbox, and
 * "offline, sync not set up" (nothing is sent, everything is kept).
 */
public class OutboxSyncStatusSource implements SyncStatusSource {

    private final OutboxService outbox;

    public OutboxSyncStatusSource(OutboxService outbox) {
        this.outbox = outbox;
    }

    @Override
    public SyncSnapshot snapshot() {
        OutboxCounts counts = outbox.counts();
        return SyncSnapshot.offline(counts.pending() + counts.inFlight(), counts.failed(), counts.conflict());
    }
}
