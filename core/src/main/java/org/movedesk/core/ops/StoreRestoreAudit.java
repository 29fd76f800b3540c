package org.movedesk.core.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.movedesk.core.common.Times;
import org.movedesk.core.common.Tx;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.history.HistoryVerifier;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.store.StoreRestorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A restore puts an older history back; the first start after it says so in the history itself
 * (appended, never rewritten) together with the result of verifying the restored hash chain, so a
 * supervisor sees the gap instead of a silently shorter trail.
 */
@Component
public class StoreRestoreAudit implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRestoreAudit.class);

    private final StoreLocation store;
    private final HistoryRecorder history;
    private final HistoryVerifier verifier;
    private final Tx tx;
    private final Clock clock;

    public StoreRestoreAudit(StoreLocation store, HistoryRecorder history, HistoryVerifier verifier, Tx tx, Clock clock) {
        this.store = store;
        this.history = history;
        this.verifier = verifier;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Path marker = store.settings().dir().resolve(StoreRestorer.RESTORED_MARKER);
        if (!Files.isRegularFile(marker)) {
            return;
        }
        try {
            String[] lines = Files.readString(marker).split("\n");
            HistoryVerifier.Result chain = verifier.verify();
            String notes = "restored from " + lines[0] + (lines.length > 1 && !lines[1].isBlank()
                    ? "; previous store kept as " + lines[1] : "") + "; restored history chain "
                    + (chain.ok() ? "verified (" + chain.checked() + " entries)" : "BROKEN at " + chain.firstBrokenId()
                    + ": " + chain.reason());
            tx.runVoid(() -> "history busy", () -> history.append(HistoryDraft.of(Actor.system("restore", null),
                    AggregateType.DESK, "store", "desk.store-restored").occurredAt(Times.now(clock)).notes(notes).build()));
            Files.delete(marker);
            LOG.info("Recorded the restore in the history: {}", notes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The restore could not be recorded in the history yet ({}); will try at the next start", e.getMessage());
        }
    }
}
