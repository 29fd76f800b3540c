package org.movedesk.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.BackgroundTaskAccess;
import org.movedesk.ui.common.TaskHandle;
import org.movedesk.ui.common.TaskRunner;

/**
 * Runs view-model work at once in the test's thread (the "direct UI executor" of the house
 * style), so a view-model test asserts right after the call. Unhandled failures are kept for
 * the test to check.
 */
public final class SameThreadTaskRunner implements TaskRunner {

    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    public final List<Throwable> unhandled = new ArrayList<>();
    public final List<String> titles = new ArrayList<>();

    @Override
    public <T> TaskHandle run(BackgroundTask<T> task) {
        titles.add(task.title());
        Throwable failure = runNow(task, () -> false);
        if (failure != null) {
            unhandled.add(failure);
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    /**
     * Runs the task's work now in this thread, then its success handler (unless {@code cancelled}
     * says it was stopped meanwhile) or its failure handler, then its finish handler. Answers a
     * failure no handler took, or null.
     */
    public static <T> Throwable runNow(BackgroundTask<T> task, BooleanSupplier cancelled) {
        try {
            T result = BackgroundTaskAccess.work(task).run(new BackgroundTask.Progress() {
                @Override
                public void update(long done, long total) {
                }

                @Override
                public void message(String text) {
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.getAsBoolean();
                }
            });
            if (!cancelled.getAsBoolean()) {
                BackgroundTaskAccess.success(task, result);
            }
            return null;
        } catch (Exception failure) {
            return BackgroundTaskAccess.fail(task, failure) ? null : failure;
        } finally {
            BackgroundTaskAccess.finish(task);
        }
    }

    @Override
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public void cancelActivity() {
    }
}
