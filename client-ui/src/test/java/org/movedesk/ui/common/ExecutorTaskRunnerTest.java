package org.movedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorTaskRunnerTest {

    /** A stand-in UI thread: one thread that runs posted work in order. */
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
    private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    private final ExecutorTaskRunner runner = new ExecutorTaskRunner(uiThread::execute, unhandled::add);

    @AfterEach
    void stop() {
        runner.close();
        uiThread.shutdownNow();
    }

    @Test
    void workRunsOffTheUiThreadAndCallbacksOnIt() {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner.run(BackgroundTask.of("Counting", progress -> Thread.currentThread().getName())
                .onSuccess(worker -> seen.add(worker + " then " + Thread.currentThread().getName()))
                .onFinished(() -> seen.add("finished on " + Thread.currentThread().getName())));

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
        assertThat(seen.get(0)).startsWith("movedesk-task-").endsWith("then fake-ui");
        assertThat(seen.get(1)).isEqualTo("finished on fake-ui");
    }

    @Test
    void aFailureWithoutItsOwnHandlerGoesToTheDefaultOne() {
        runner.run(BackgroundTask.of("Failing", progress -> {
            throw new IllegalStateException("disk full");
        }));

        await().atMost(Duration.ofSeconds(10)).until(() -> !unhandled.isEmpty());
        assertThat(unhandled.get(0)).hasMessage("disk full");
    }

    @Test
    void activityShowsTheRunningTaskAndCancelStopsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> results = new CopyOnWriteArrayList<>();
        TaskHandle handle = runner.run(BackgroundTask.of("Loading demo data", progress -> {
            started.countDown();
            while (!progress.isCancelled()) {
                progress.update(1, 4);
                Thread.onSpinWait();
            }
            return "stopped";
        }).onSuccess(results::add));

        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.activityProperty().get().equals("Loading demo data"));
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.progressProperty().get() == 0.25);

        runner.cancelActivity();

        await().atMost(Duration.ofSeconds(10)).until(handle::isDone);
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.activityProperty().get().isEmpty());
        assertThat(results).as("a cancelled task's result is dropped").isEmpty();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void quietTasksDoNotShowAsActivity() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TaskHandle handle = runner.run(BackgroundTask.of("Reading a page", progress -> release.await(10, TimeUnit.SECONDS)).quiet());
        uiThread.submit(() -> { }).get();
        assertThat(runner.activityProperty().get()).isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(handle::isDone);
    }
}
