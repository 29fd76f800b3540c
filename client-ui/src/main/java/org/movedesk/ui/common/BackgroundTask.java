package org.movedesk.ui.common;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A unit of long work described by a view model and run by a {@link TaskRunner} off the UI
 * thread. Callbacks ({@code onSuccess}, {@code onFailure}, {@code onFinished}) always run on
 * the UI executor, so a view model can touch its properties in them. Work that loops checks
 * {@link Progress#isCancelled()} so the user's Cancel is honoured.
 */
public final class BackgroundTask<T> {

    /** The work itself; it reports progress and looks at cancellation through {@link Progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What running work may tell the user, and whether the user gave up waiting. */
    public interface Progress {
        void update(long done, long total);

        void message(String text);

        boolean isCancelled();
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onFinished = () -> { };
    private boolean showsActivity = true;

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Without a failure callback the runner hands the error to the {@link DialogService}. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = callback;
        return this;
    }

    public BackgroundTask<T> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    /** Quick reads (a page of a list) need not flash in the status bar. */
    public BackgroundTask<T> quiet() {
        this.showsActivity = false;
        return this;
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    Consumer<? super T> successCallback() {
        return onSuccess;
    }

    Consumer<Throwable> failureCallback() {
        return onFailure;
    }

    Runnable finishedCallback() {
        return onFinished;
    }

    boolean showsActivity() {
        return showsActivity;
    }
}
