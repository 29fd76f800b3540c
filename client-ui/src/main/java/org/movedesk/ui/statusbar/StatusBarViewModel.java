package org.movedesk.ui.statusbar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiExecutor;

/**
 * Online/offline, pending, failed, conflicts, last sync and the current activity. Refreshes
 * when core says the outbox changed (or sync says its status changed), never on a timer.
 */
public class StatusBarViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final SyncStatusSource source;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper onlineText = new ReadOnlyStringWrapper("Offline");
    private final ReadOnlyLongWrapper pending = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper failed = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper conflicts = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper("Last sync: never");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    public StatusBarViewModel(SyncStatusSource source, TaskRunner tasks, UiEventBus events, UiExecutor ui, Clock clock) {
        this.source = source;
        this.tasks = tasks;
        this.clock = clock;
        events.subscribe(Object.class, event -> {
            String name = event.getClass().getSimpleName();
            if (name.startsWith("Outbox") || name.startsWith("Sync") || name.equals("MoveChanged")) {
                refresh();
            }
        });
        source.onChange(() -> ui.execute(this::refresh));
        activity.set(tasks.activityProperty().get());
        tasks.activityProperty().addListener((obs, old, now) -> activity.set(now));
    }

    /** Reads the snapshot in the background; several events in a burst cause one read. */
    public void refresh() {
        if (!refreshQueued.compareAndSet(false, true)) {
            return;
        }
        tasks.run(BackgroundTask.of("Reading sync status", progress -> {
                    refreshQueued.set(false);
                    return source.snapshot();
                })
                .quiet()
                .onSuccess(this::apply)
                .onFailure(failure -> {
                    refreshQueued.set(false);
                    onlineText.set("Status unknown: " + failure.getMessage());
                }));
    }

    void apply(SyncSnapshot snapshot) {
        online.set(snapshot.online());
        onlineText.set(snapshot.online() ? "Online"
                : snapshot.connected() ? "Offline \u2014 changes are kept and sent later"
                : "Offline (sync not set up) \u2014 changes are kept locally");
        pending.set(snapshot.pending());
        failed.set(snapshot.failed());
        conflicts.set(snapshot.conflicts());
        lastSyncText.set("Last sync: " + describe(snapshot.lastSync()));
        // the desk's own task wins while it runs; otherwise sync's activity, cleared when sync is idle
        if (tasks.activityProperty().get().isEmpty()) {
            activity.set(snapshot.activity() == null ? "" : snapshot.activity().strip());
        }
    }

    private String describe(Instant lastSync) {
        if (lastSync == null) {
            return "never";
        }
        Duration age = Duration.between(lastSync, clock.instant());
        ZoneId zone = clock.getZone();
        if (age.toHours() < 20) {
            return TIME.format(lastSync.atZone(zone));
        }
        return DAY_TIME.format(lastSync.atZone(zone));
    }

    public void cancelActivity() {
        tasks.cancelActivity();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty onlineTextProperty() {
        return onlineText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty conflictsProperty() {
        return conflicts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncTextProperty() {
        return lastSyncText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** True while one of the desk's own tasks runs (sync's activity is shown but not cancelled here). */
    public javafx.beans.binding.BooleanBinding cancellableBinding() {
        return tasks.activityProperty().isNotEmpty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
