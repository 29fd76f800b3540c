package org.movedesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskRunner}: a small pool of daemon threads for the work, the
 * {@link UiExecutor} for callbacks and for the activity properties.
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);

    private final ExecutorService workers;
    private final UiExecutor ui;
    private final Consumer<Throwable> defaultFailureHandler;
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    /** Visible tasks, newest last; touched on the UI thread only. */
    private final Deque<Running> visible = new ArrayDeque<>();

    public ExecutorTaskRunner(UiExecutor ui, Consumer<Throwable> defaultFailureHandler) {
        this(Executors.newFixedThreadPool(3, daemonThreads()), ui, defaultFailureHandler);
    }

    public ExecutorTaskRunner(ExecutorService workers, UiExecutor ui, Consumer<Throwable> defaultFailureHandler) {
        this.workers = workers;
        this.ui = ui;
        this.defaultFailureHandler = defaultFailureHandler;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "movedesk-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public <T> TaskHandle run(BackgroundTask<T> task) {
        Running running = new Running(task.title());
        if (task.showsActivity()) {
            ui.execute(() -> {
                visible.addLast(running);
                showNewest();
            });
        }
        running.future = workers.submit(() -> execute(task, running));
        return running;
    }

    private <T> void execute(BackgroundTask<T> task, Running running) {
        try {
            T result = task.work().run(running);
            ui.execute(() -> {
                if (!running.cancelled.get()) {
                    task.successCallback().accept(result);
                }
            });
        } catch (Throwable failure) {
            if (!running.cancelled.get()) {
                LOG.debug("Task '{}' failed", task.title(), failure);
                Consumer<Throwable> handler = task.failureCallback() != null ? task.failureCallback() : defaultFailureHandler;
                ui.execute(() -> handler.accept(failure));
            }
        } finally {
            ui.execute(() -> {
                running.done.set(true);
                visible.remove(running);
                showNewest();
                task.finishedCallback().run();
            });
        }
    }

    private void showNewest() {
        Running newest = visible.peekLast();
        activity.set(newest == null ? "" : newest.title);
        progress.set(newest == null ? 0 : newest.fraction);
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
        Running newest = visible.peekLast();
        if (newest != null) {
            newest.cancel();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private final class Running implements TaskHandle, BackgroundTask.Progress {
        private final String title;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Future<?> future;
        private volatile double fraction = -1;

        Running(String title) {
            this.title = title;
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                Future<?> started = future;
                if (started != null) {
                    // no interrupt: an interrupt during H2's file I/O closes the store's file
                    // channel and every later write of the session fails with "IO Exception"
                    // (seen in DeskJourneyTest under load); the result is dropped by the flag,
                    // long tasks stop by checking isCancelled()
                    started.cancel(false);
                }
            }
        }

        @Override
        public boolean isDone() {
            return done.get();
        }

        @Override
        public void update(long doneUnits, long total) {
            fraction = total <= 0 ? -1 : Math.min(1.0, (double) doneUnits / total);
            ui.execute(ExecutorTaskRunner.this::showNewest);
        }

        @Override
        public void message(String text) {
            // the title is what the status bar shows; messages go to the log for support
            LOG.debug("{}: {}", title, text);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get() || Thread.currentThread().isInterrupted();
        }
    }
}
