package org.movedesk.ui.synccentre;

import java.util.Optional;
import java.util.function.Consumer;

import org.movedesk.sync.status.SyncSnapshot;

/**
 * What the sync centre needs from the sync module: its status model and the buttons
 * (sync now, pause, resume). Empty / no-op when sync is not running at this desk (switched
 * off, or the module not wired), so the screen still manages the outbox.
 */
public interface SyncControls {

    /** The latest status, empty when sync has no status model here. */
    Optional<SyncSnapshot> snapshot();

    /** Called (from any thread) whenever the status changes; returns what stops the calls. */
    Runnable onChange(Consumer<SyncSnapshot> listener);

    /** True when the push/pull engine runs here, so Sync now and Pause mean something. */
    boolean engineRunning();

    void syncNow();

    void pause();

    void resume();
}
