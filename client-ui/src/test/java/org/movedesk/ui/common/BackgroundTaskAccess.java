package org.movedesk.ui.common;

/** Lets test runners reach a task's work and callbacks (package-private in main code). */
public final class BackgroundTaskAccess {

    private BackgroundTaskAccess() {
    }

    public static <T> BackgroundTask.Work<T> work(BackgroundTask<T> task) {
        return task.work();
    }

    public static <T> void success(BackgroundTask<T> task, T result) {
        task.successCallback().accept(result);
    }

    /** Returns false when the task has no failure callback of its own. */
    public static boolean fail(BackgroundTask<?> task, Throwable failure) {
        if (task.failureCallback() == null) {
            return false;
        }
        task.failureCallback().accept(failure);
        return true;
    }

    public static void finish(BackgroundTask<?> task) {
        task.finishedCallback().run();
    }
}
