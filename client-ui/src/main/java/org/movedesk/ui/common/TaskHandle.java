package org.movedesk.ui.common;

/** What the caller keeps of a started {@link BackgroundTask}: a way to cancel it. */
public interface TaskHandle {

    void cancel();

    boolean isDone();
}
