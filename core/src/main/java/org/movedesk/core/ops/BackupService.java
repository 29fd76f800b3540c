package org.movedesk.core.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.Tx;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.store.StoreRestorer;
import org.movedesk.core.store.StoreSettings;
import org.springframework.stereotype.Service;

/**
 * Backup and restore for the UI and the command line. A backup is online (the desk keeps
 * working). A restore cannot happen under a running desk: the UI parks it, after an explicit
 * confirmation, and it is applied at the next start with a safety copy of the current store
 * first ({@link StoreRestorer}). Both are recorded in the history.
 */
@Service
public class BackupService {

    /** What the operator must confirm (typed or ticked in the UI) before a restore is parked. */
    public static final String CONFIRMATION = "RESTORE";

    private final StoreLocation store;
    private final HistoryRecorder history;
    private final Tx tx;
    private final Clock clock;

    public BackupService(StoreLocation store, HistoryRecorder history, Tx tx, Clock clock) {
        this.store = store;
        this.history = history;
        this.tx = tx;
        this.clock = clock;
    }

    /** target: a .zip file or a folder (then a time-stamped name is chosen); null = the store's backups folder. */
    public BackupResult backup(Actor actor, Path target) {
        Permissions.require(actor, "back up the store", Role.ADMIN, Role.SUPERVISOR, Role.SYSTEM);
        Path where = target == null ? store.settings().backupDir() : target;
        BackupResult result = OnlineBackup.write(store.dataSource(), where, "movedesk-backup", clock);
        record(actor, "desk.store-backed-up", "backup " + result.file().getFileName() + " (" + result.bytes() + " bytes)");
        return result;
    }

    /** The backups in the store's backups folder, newest first. */
    public List<BackupResult> list(Actor actor) {
        Permissions.require(actor, "list backups", Role.ADMIN, Role.SUPERVISOR, Role.SYSTEM);
        Path dir = store.settings().backupDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip")).map(p -> {
                try {
                    return new BackupResult(p, Files.getLastModifiedTime(p).toInstant(), Files.size(p));
                } catch (IOException e) {
                    return new BackupResult(p, Instant.EPOCH, -1);
                }
            }).sorted(Comparator.comparing(BackupResult::takenAt).reversed()).toList();
        } catch (IOException e) {
            throw new MoveDeskException("BACKUP_LIST_FAILED", "The backups folder " + dir + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Checks the backup now (zip, key, MoveDesk schema) and parks it; MoveDesk must be restarted to
     * apply it. {@code confirmation} must be {@value #CONFIRMATION}: the UI asks the operator first.
     */
    public Path requestRestore(Actor actor, Path backupZip, String confirmation) {
        Permissions.require(actor, "restore a backup", Role.ADMIN, Role.SYSTEM);
        if (!CONFIRMATION.equals(confirmation)) {
            throw new ValidationException("confirmation", "A restore replaces everything in this desk's store with "
                    + "the backup; confirm with " + CONFIRMATION + " to go ahead.");
        }
        StoreSettings settings = store.settings();
        Path pending = StoreRestorer.requestRestore(settings, settings.keyring(System.getenv()), backupZip, clock);
        record(actor, "desk.restore-requested", "restore of " + backupZip.getFileName() + " at the next start");
        return pending;
    }

    /** Withdraws a parked restore. Returns false if none was parked. */
    public boolean cancelRestore(Actor actor) {
        Permissions.require(actor, "cancel a restore", Role.ADMIN, Role.SYSTEM);
        try {
            boolean removed = Files.deleteIfExists(store.settings().dir().resolve(StoreRestorer.PENDING));
            if (removed) {
                record(actor, "desk.restore-cancelled", null);
            }
            return removed;
        } catch (IOException e) {
            throw new MoveDeskException("RESTORE_CANCEL_FAILED", "The parked restore could not be removed: "
                    + e.getMessage(), e);
        }
    }

    public boolean restorePending() {
        return Files.isRegularFile(store.settings().dir().resolve(StoreRestorer.PENDING));
    }

    private void record(Actor actor, String eventType, String notes) {
        tx.runVoid(() -> "The history was busy; try again.", () -> history.append(
                HistoryDraft.of(actor, AggregateType.DESK, "store", eventType).occurredAt(Times.now(clock))
                        .notes(notes).build()));
    }
}
