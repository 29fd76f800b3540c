package org.movedesk.ui.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs {@link BackgroundTask}s (JabRef's {@code TaskExecutor} idea): work off the UI thread,
 * callbacks on it, and one observable "activity" (title, progress) the status bar shows with
 * a Cancel button.
 */
public interface TaskRunner {

    <T> TaskHandle run(BackgroundTask<T> task);

    /** Title of the newest running, visible task; empty when idle. Changes on the UI thread. */
    ReadOnlyStringProperty activityProperty();

    /** Progress of that task: -1 indeterminate, 0..1 otherwise. */
    ReadOnlyDoubleProperty progressProperty();

    /** Cancels the task the status bar shows. */
    void cancelActivity();
}
