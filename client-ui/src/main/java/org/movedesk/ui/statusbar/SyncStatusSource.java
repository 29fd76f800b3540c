package org.movedesk.ui.statusbar;

/**
 * The status bar's own small view of sync state (ADR 0053). The default reads core's outbox
 * counts; when the sync module's status model is present an adapter supplies the online flag,
 * last sync time and activity as well.
 */
public interface SyncStatusSource {

    /** Current state; may touch the store, so the view model calls it off the UI thread. */
    SyncSnapshot snapshot();

    /** Tells the listener that something changed (from any thread); the default never does. */
    default void onChange(Runnable listener) {
    }
}
