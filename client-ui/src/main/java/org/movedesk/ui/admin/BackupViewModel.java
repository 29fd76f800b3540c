package org.movedesk.ui.admin;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.ops.BackupResult;
import org.movedesk.core.ops.BackupService;
import org.movedesk.core.ops.DiagnosticsService;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;

/**
 * Backup now, restore from a backup file (checked now, applied at the next start, after the
 * operator confirmed) and a diagnostics bundle for support, through sec's services; each runs in
 * the background with the activity in the status bar. Hidden when those services are absent.
 */
public class BackupViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private final Supplier<BackupService> backups;
    private final Supplier<DiagnosticsService> diagnostics;
    private final Session session;
    private final TaskRunner tasks;

    private final ObservableList<String> list = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper restorePending = new ReadOnlyBooleanWrapper();

    public BackupViewModel(Supplier<BackupService> backups, Supplier<DiagnosticsService> diagnostics, Session session,
                           TaskRunner tasks) {
        this.backups = backups;
        this.diagnostics = diagnostics;
        this.session = session;
        this.tasks = tasks;
    }

    public void load() {
        BackupService service = backups.get();
        available.set(service != null);
        if (service == null) {
            return;
        }
        Actor actor = session.require();
        tasks.run(BackgroundTask.of("Listing backups", progress -> service.list(actor))
                .quiet()
                .onSuccess(found -> {
                    list.setAll(found.stream().map(BackupViewModel::describe).toList());
                    restorePending.set(service.restorePending());
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure))));
    }

    static String describe(BackupResult backup) {
        return backup.file().getFileName() + "  \u2013  " + WHEN.format(backup.takenAt().atZone(ZoneId.systemDefault()))
                + "  \u2013  " + String.format(Locale.UK, "%,d KB", Math.max(0, backup.bytes()) / 1024);
    }

    /** Backs up to the file chosen, or to the store's backups folder when {@code target} is null. */
    public void backupNow(Path target) {
        BackupService service = backups.get();
        if (service == null) {
            return;
        }
        run("Backing up the store", actor -> service.backup(actor, target),
                result -> "Backed up to " + ((BackupResult) result).file() + ". Keep a copy away from this computer.");
    }

    /** Parks a backup to replace the store at the next start (the view asked the operator first). */
    public void restore(Path backupZip) {
        BackupService service = backups.get();
        if (service == null || backupZip == null) {
            return;
        }
        run("Checking the backup", actor -> service.requestRestore(actor, backupZip, BackupService.CONFIRMATION),
                result -> "The backup " + backupZip.getFileName() + " is checked and will replace this desk's store when "
                        + "MoveDesk next starts. Close MoveDesk and start it again to apply it; unsent changes in the "
                        + "current store are lost unless they were sent first.");
    }

    public void cancelRestore() {
        BackupService service = backups.get();
        if (service == null) {
            return;
        }
        run("Cancelling the restore", actor -> service.cancelRestore(actor),
                result -> (Boolean) result ? "The restore is cancelled; the store stays as it is." : "No restore was waiting.");
    }

    /** Writes a diagnostics bundle (no personal data, secrets masked) for support. */
    public void diagnostics(Path target) {
        DiagnosticsService service = diagnostics.get();
        if (service == null || target == null) {
            return;
        }
        run("Writing a diagnostics bundle", actor -> service.writeBundle(actor, target),
                result -> "Diagnostics bundle written to " + result + ". Send it to support; it holds no personal data.");
    }

    private interface Work {
        Object apply(Actor actor);
    }

    private void run(String title, Work work, java.util.function.Function<Object, String> done) {
        Actor actor = session.require();
        busy.set(true);
        error.set("");
        notice.set("");
        tasks.run(BackgroundTask.of(title, progress -> work.apply(actor))
                .onSuccess(result -> {
                    notice.set(done.apply(result));
                    load();
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> busy.set(false)));
    }

    public ObservableList<String> backups() {
        return list;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty restorePendingProperty() {
        return restorePending.getReadOnlyProperty();
    }

    List<String> lines() {
        return List.copyOf(list);
    }
}
