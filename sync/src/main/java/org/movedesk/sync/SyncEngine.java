package org.movedesk.sync;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.movedesk.sync.moves.MovesApiClient;
import org.movedesk.sync.pull.PullService;
import org.movedesk.sync.push.PushWorker;
import org.movedesk.sync.status.SyncSnapshot;
import org.movedesk.sync.status.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sync in the background: the push worker all the time, a refresh every few minutes, and a
 * cheap probe when nothing else has talked to the centre for a while (so "online" is measured,
 * not assumed). The UI calls {@link #syncNow()}, {@link #pause()} and {@link #resume()}.
 */
public class SyncEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final PushWorker push;
    private final PullService pull;
    private final MovesApiClient api;
    private final SyncStatus status;
    private final Clock clock;
    private final Duration pullInterval;
    private final Duration probeInterval;
    private final AtomicBoolean pulling = new AtomicBoolean();
    private ScheduledExecutorService scheduler;
    private volatile boolean userPaused;

    public SyncEngine(PushWorker push, PullService pull, MovesApiClient api, SyncStatus status, Clock clock,
                      Duration pullInterval, Duration probeInterval) {
        this.push = push;
        this.pull = pull;
        this.api = api;
        this.status = status;
        this.clock = clock;
        this.pullInterval = pullInterval;
        this.probeInterval = probeInterval;
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        push.start();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "movedesk-sync-scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::pullQuietly, 2_000, pullInterval.toMillis(), TimeUnit.MILLISECONDS);
        long probe = probeInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::probeIfQuiet, probe, probe, TimeUnit.MILLISECONDS);
        // coming back online: do not leave the queue waiting out a long back-off
        status.addListener(new java.util.function.Consumer<>() {
            private SyncSnapshot.Connectivity last = SyncSnapshot.Connectivity.UNKNOWN;

            @Override
            public void accept(SyncSnapshot s) {
                if (s.connectivity() == SyncSnapshot.Connectivity.ONLINE && last == SyncSnapshot.Connectivity.OFFLINE) {
                    push.syncNow();
                }
                last = s.connectivity();
            }
        });
    }

    public SyncStatus status() {
        return status;
    }

    /** Push everything now (ignoring back-off) and refresh. Returns at once. */
    public void syncNow() {
        push.syncNow();
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            s.execute(this::pullQuietly);
        }
    }

    public void pause() {
        userPaused = true;
        push.pause("Paused by the operator");
    }

    public void resume() {
        userPaused = false;
        push.resume();
    }

    /** Wake the push worker (core recorded an action). */
    public void outboxChanged() {
        push.wake();
    }

    public PushWorker push() {
        return push;
    }

    private void pullQuietly() {
        if (userPaused || push.paused() || !pulling.compareAndSet(false, true)) {
            return;
        }
        try {
            pull.refresh();
        } catch (IOException e) {
            log.info("refresh did not complete: {}", e.toString());
            status.lastError("Refresh: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("refresh failed", e);
            status.lastError("Refresh: " + e);
        } finally {
            pulling.set(false);
        }
    }

    private void probeIfQuiet() {
        Instant last = status.lastTraffic();
        if (Duration.between(last, Instant.now(clock)).compareTo(probeInterval) < 0) {
            return; // real traffic already told us
        }
        try {
            api.probe(LocalDate.now(clock)); // the traffic observer records the outcome
        } catch (IOException e) {
            log.debug("probe: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        push.close();
    }
}
