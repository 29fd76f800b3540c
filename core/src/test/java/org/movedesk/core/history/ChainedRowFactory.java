package org.movedesk.core.history;

import java.time.Instant;

/**
 * Test-side door to the package-private chain constructor: the benchmark generator and the
 * tamper tests build rows exactly as {@link HistoryRecorder} would, hash included.
 */
public final class ChainedRowFactory {

    private ChainedRowFactory() {
    }

    public static HistoryEntry chained(long id, Instant recordedAt, HistoryDraft draft, String prevHash) {
        return new HistoryEntry(id, recordedAt, draft, prevHash);
    }
}
