package org.movedesk.ui.testing;

import java.util.ArrayList;
import java.util.List;

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
                    return false;
                }
            });
            BackgroundTaskAccess.success(task, result);
        } catch (Exception failure) {
            if (!BackgroundTaskAccess.fail(task, failure)) {
                unhandled.add(failure);
            }
        } finally {
            BackgroundTaskAccess.finish(task);
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
