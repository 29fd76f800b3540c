package org.movedesk.sync.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shared worker lifecycle: failures never end a thread, wake-ups end pauses, stop is prompt. */
class WorkerLoopTest {

    /** Fails every other round, then idles for a long time after each good round. */
    static final class Flaky extends WorkerLoop {
        final AtomicInteger rounds = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        volatile boolean ready = true;

        Flaky() {
            super("flaky", 2, Duration.ofSeconds(5));
        }

        @Override
        protected Duration round() {
            if (rounds.incrementAndGet() % 2 == 1) {
                throw new IllegalStateException("odd round");
            }
            return Duration.ofMinutes(10);
        }

        @Override
        protected Duration onFailure(RuntimeException e) {
            failures.incrementAndGet();
            return Duration.ZERO;
        }

        @Override
        protected boolean readyToStart() {
            return ready;
        }
    }

    @Test
    void aFailingRoundGoesToTheFailurePolicyAndTheWorkerKeepsGoingUntilStopped() {
        Flaky worker = new Flaky();
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.failures.get() >= 1 && worker.rounds.get() >= 2);
            assertThat(worker.isRunning()).isTrue();
            // both threads now idle for ten minutes; a wake-up ends that at once
            int before = worker.rounds.get();
            worker.wakeUp();
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.rounds.get() > before);
        } finally {
            long start = System.nanoTime();
            worker.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(worker.isRunning()).isFalse();
        int after = worker.rounds.get();
        worker.stop(); // stopping twice is harmless
        assertThat(worker.rounds.get()).isEqualTo(after);
    }

    @Test
    void aWorkerThatIsNotReadyDoesNotStart() {
        Flaky worker = new Flaky();
        worker.ready = false;
        worker.start();
        assertThat(worker.isRunning()).isFalse();
        assertThat(worker.rounds.get()).isZero();
        worker.setAutoStartup(false);
        assertThat(worker.isAutoStartup()).isFalse();
    }
}
