package org.movedesk.ui.common;

import java.util.concurrent.Executor;

/**
 * The one way to get onto the UI thread (Bisq's {@code UserThread} idea). The app injects
 * {@link FxUiExecutor}; view-model tests use {@link #direct()} so they run without a toolkit.
 */
@FunctionalInterface
public interface UiExecutor extends Executor {

    /** Runs the work in the caller's thread: for unit tests of view models. */
    static UiExecutor direct() {
        return Runnable::run;
    }
}
