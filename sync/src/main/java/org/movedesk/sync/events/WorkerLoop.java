package org.movedesk.sync.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The one start/stop/pause implementation of the event workers (listener, dead-letter
 * collector, publisher): a few daemon threads that repeat one round of work until stopped.
 * A round says how long to pause before the next one; a failing round is handed to the
 * failure policy, which logs it and says how long to back off. Nothing a round throws ends a
 * thread. Stopping never interrupts: a thread interrupted inside H2's file I/O closes the
 * database file (ClosedByInterruptException), so a worker finishes its current round (a long
 * poll at most) and then sees the flag.
 */
public final class WorkerLoop {

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        /** @return how long to pause before the next round; {@link Duration#ZERO} goes straight on */
        Duration run();
    }

    private final String name;
    private final int threads;
    private final Round round;
    private final Function<RuntimeException, Duration> onFailure;

    private final AtomicBoolean running = new AtomicBoolean();
    private final Object signal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private long wakeUps;

    /**
     * @param name      thread name (suffixed with the thread's number when there are several)
     * @param threads   how many threads run the round side by side (at least one)
     * @param round     the work
     * @param onFailure logs a failed round and returns the pause before the next one
     */
    public WorkerLoop(String name, int threads, Round round, Function<RuntimeException, Duration> onFailure) {
        this.name = name;
        this.threads = Math.max(1, threads);
        this.round = round;
        this.onFailure = onFailure;
    }

    /** @return false when it was running already */
    public synchronized boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::loop, threads == 1 ? name : name + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        return true;
    }

    /**
     * Asks the threads to stop after their current round and waits for them up to {@code maxWait} each.
     *
     * @return false when it was not running
     */
    public synchronized boolean stop(Duration maxWait) {
        if (!running.compareAndSet(true, false)) {
            return false;
        }
        wakeUp();
        for (Thread worker : workers) {
            try {
                worker.join(maxWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
        return true;
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Ends the current pauses early; a wake-up during a round makes its pause end at once. */
    public void wakeUp() {
        synchronized (signal) {
            wakeUps++;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running.get()) {
            long seen;
            synchronized (signal) {
                seen = wakeUps;
            }
            Duration pause;
            try {
                pause = round.run();
            } catch (RuntimeException e) {
                pause = onFailure.apply(e);
            }
            if (pause != null && !pause.isZero() && !pause.isNegative()) {
                pause(pause, seen);
            }
        }
    }

    private void pause(Duration pause, long seen) {
        long deadline = System.nanoTime() + pause.toNanos();
        synchronized (signal) {
            while (running.get() && wakeUps == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.set(false);
                    return;
                }
            }
        }
    }
}
