package org.movedesk.sync.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.context.SmartLifecycle;

/**
 * The one start/stop/pause implementation of the event workers (listener, dead-letter
 * collector, publisher), as a Spring {@link SmartLifecycle}: a few daemon threads that repeat
 * {@link #round()} until stopped. A round says how long to pause before the next one; a failing
 * round goes to {@link #onFailure}, which logs it and says how long to back off. Nothing a round
 * throws ends a thread. Stopping never interrupts: a thread interrupted inside H2's file I/O
 * closes the database file (ClosedByInterruptException), so a worker finishes its current round
 * (a long poll at most) and then sees the flag.
 */
public abstract class WorkerLoop implements SmartLifecycle {

    private final String name;
    private final int threads;
    private final Duration stopWait;

    private final AtomicBoolean running = new AtomicBoolean();
    private final Object signal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private long wakeUps;
    private volatile boolean autoStartup = true;

    /**
     * @param name     thread name (suffixed with the thread's number when there are several)
     * @param threads  how many threads run the round side by side (at least one)
     * @param stopWait how long {@link #stop()} waits for each thread to finish its round
     */
    protected WorkerLoop(String name, int threads, Duration stopWait) {
        this.name = name;
        this.threads = Math.max(1, threads);
        this.stopWait = stopWait;
    }

    /** @return how long to pause before the next round; {@link Duration#ZERO} goes straight on */
    protected abstract Duration round();

    /** Logs a failed round and returns how long to pause before the next one. */
    protected abstract Duration onFailure(RuntimeException e);

    /** Checks made before the threads start; false keeps the worker stopped (e.g. nothing configured). */
    protected boolean readyToStart() {
        return true;
    }

    @Override
    public synchronized void start() {
        if (running.get() || !readyToStart()) {
            return;
        }
        running.set(true);
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::loop, threads == 1 ? name : name + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Asks the threads to stop after their current round and waits for each up to the stop wait. */
    @Override
    public synchronized void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        wakeUp();
        for (Thread worker : workers) {
            try {
                worker.join(stopWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** Ends the current pauses; a wake-up during a round makes its pause end at once. */
    protected void wakeUp() {
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
                pause = round();
            } catch (RuntimeException e) {
                pause = onFailure(e);
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
