package org.movedesk.sync.push;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxCounts;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.SyncError;
import org.movedesk.sync.auth.TokenException;
import org.movedesk.sync.status.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the CENTRAL channel of the outbox: one dispatcher thread picks ready entries (the head
 * of each move/person/patient, so order within an aggregate holds), a few worker threads send
 * them in parallel, and every answer becomes an outbox state change. Nothing here blocks the
 * operator: it runs on its own threads and only talks to core's services.
 */
public class PushWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushWorker.class);

    private final OutboxService outbox;
    private final MoveActionSender moves;
    private final PersonActionSender people;
    private final PatientActionSender patients;
    private final CentralLinker linker;
    private final SyncStatus status;
    private final ObjectMapper json;
    private final Clock clock;
    private final PushSettings settings;

    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger confirmedThisRun = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean paused;
    private volatile boolean ignoreBackoffOnce;
    private volatile Thread dispatcher;
    private ExecutorService workers;

    public PushWorker(OutboxService outbox, MoveActionSender moves, PersonActionSender people,
                      PatientActionSender patients, CentralLinker linker, SyncStatus status, ObjectMapper json,
                      Clock clock, PushSettings settings) {
        this.outbox = outbox;
        this.moves = moves;
        this.people = people;
        this.patients = patients;
        this.linker = linker;
        this.status = status;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    /** Start-up: entries caught in flight by a crash go again with their stored key, then draining starts. */
    public synchronized void start() {
        if (running) {
            return;
        }
        int reset = outbox.resetInFlight();
        if (reset > 0) {
            log.info("{} outbox entries were in flight when the desk stopped; sending them again with the same keys", reset);
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.workers(), r -> daemon(r, "movedesk-push-" + n.incrementAndGet()));
        Thread t = daemon(this::dispatchLoop, "movedesk-push-dispatcher");
        dispatcher = t;
        refreshCounts();
        t.start();
    }

    /** Look now (an action was recorded, or the operator pressed "sync now"). */
    public void wake() {
        wake.release();
    }

    /** "Sync now": also send entries still waiting out a back-off. */
    public void syncNow() {
        ignoreBackoffOnce = true;
        wake();
    }

    public void pause(String reason) {
        paused = true;
        status.paused(true, reason);
    }

    public void resume() {
        paused = false;
        status.paused(false, null);
        syncNow();
    }

    public boolean paused() {
        return paused;
    }

    /** True when nothing is in flight at this moment (used by tests and the bench to know a drain ended). */
    public boolean idle() {
        return inFlight.isEmpty();
    }

    private void dispatchLoop() {
        // entries claimed (IN_FLIGHT) in one transaction, waiting for a free worker
        Deque<OutboxEntry> ready = new ArrayDeque<>();
        while (running) {
            try {
                if (paused) {
                    releaseUnsent(ready);
                    wake.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                if (ready.isEmpty()) {
                    Instant horizon = Instant.now(clock);
                    if (ignoreBackoffOnce) {
                        ignoreBackoffOnce = false;
                        horizon = horizon.plus(Duration.ofDays(1));
                    }
                    List<Long> candidates = new ArrayList<>();
                    for (OutboxEntry e : outbox.nextReady(OutboxChannel.CENTRAL, claimAhead(), horizon)) {
                        if (!inFlight.contains(e.getId())) {
                            candidates.add(e.getId());
                        }
                    }
                    if (!candidates.isEmpty()) {
                        if (inFlight.isEmpty()) {
                            refreshCounts();
                        }
                        // one commit for the whole batch; entries discarded meanwhile are simply not returned
                        for (OutboxEntry claimed : outbox.markInFlightForPush(candidates)) {
                            inFlight.add(claimed.getId());
                            ready.add(claimed);
                        }
                    }
                }
                while (!ready.isEmpty() && busy.get() < settings.workers() && !paused) {
                    OutboxEntry claimed = ready.poll();
                    busy.incrementAndGet();
                    workers.execute(() -> process(claimed));
                }
                if (inFlight.isEmpty() && ready.isEmpty()) {
                    status.idle();
                    refreshCounts();
                }
                // a finishing worker releases a permit; the poll bound keeps due-later entries moving
                wake.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                releaseUnsent(ready);
                return;
            } catch (RuntimeException e) {
                // the store may be busy or closing; the loop must survive and look again
                log.warn("push dispatcher: {}", e.toString());
                sleepQuietly(settings.idlePoll());
            }
        }
        releaseUnsent(ready);
    }

    /**
     * Entries claimed ahead of the workers: one commit claims them all, and an entry waits
     * IN_FLIGHT at most a few round trips before a worker sends it.
     */
    private int claimAhead() {
        return Math.min(settings.batch(), Math.max(16, settings.workers() * 16));
    }

    /** Claimed but not handed to a worker (pause, stop): back to PENDING with their keys, no attempt counted. */
    private void releaseUnsent(Deque<OutboxEntry> ready) {
        if (ready.isEmpty()) {
            return;
        }
        List<Long> ids = ready.stream().map(OutboxEntry::getId).toList();
        try {
            outbox.releaseUnsentForPush(ids);
        } catch (RuntimeException e) {
            log.warn("push: {} claimed entries stay in flight until the next start: {}", ids.size(), e.toString());
        }
        ids.forEach(inFlight::remove);
        ready.clear();
    }

    private void process(OutboxEntry entry) {
        try {
            status.activity("Sending changes", confirmedThisRun.get(), 0);
            Outcome outcome = attempt(entry);
            apply(entry, outcome);
        } catch (RuntimeException e) {
            log.error("push: could not record the outcome of {}", entry, e);
            try {
                outbox.scheduleRetry(entry.getId(), Instant.now(clock).plus(settings.backoff().after(entry.getAttempts())),
                        new SyncError(null, null, "Internal error", e.toString(), null));
            } catch (RuntimeException again) {
                log.error("push: {} stays in flight until the next start", entry, again);
            }
        } finally {
            inFlight.remove(entry.getId());
            busy.decrementAndGet();
            wake.release();
        }
    }

    Outcome attempt(OutboxEntry entry) {
        try {
            JsonNode payload = json.readTree(entry.getPayload());
            return switch (entry.getAggregateType()) {
                case MOVE -> moves.send(entry, payload);
                case PERSON -> people.send(entry, payload);
                case PATIENT -> patients.send(entry, payload);
                default -> new Outcome.Failed(new SyncError(null, "unsupported", "Not a central action",
                        entry.getAggregateType() + " entries are not sent to the central APIs", null));
            };
        } catch (TokenException e) {
            return new Outcome.PauseQueue(new SyncError(e.status(), null, "Not signed in to the central service",
                    e.getMessage(), null));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Outcome.Failed(new SyncError(null, "bad_payload", "Recorded change is unreadable", e.getOriginalMessage(), null));
        } catch (IOException e) {
            return Answers.transientFailure(e);
        } catch (RuntimeException e) {
            // a payload the builders cannot use (missing field, bad date): our bug or a damaged entry, not transient
            log.error("push: cannot build the request for {}", entry, e);
            return new Outcome.Failed(new SyncError(null, "internal", "Cannot build the request", e.toString(), null));
        }
    }

    private void apply(OutboxEntry entry, Outcome outcome) {
        long id = entry.getId();
        Instant now = Instant.now(clock);
        if (outcome instanceof Outcome.Confirmed c) {
            if (entry.getAction() == OutboxAction.CREATE_MOVE && c.centralId() != null) {
                linker.linkMoveAndConfirm(id, UUID.fromString(entry.getAggregateId()), c.centralId(), c.reference());
            } else {
                outbox.markConfirmed(id, c.centralId());
            }
            if (c.patient() != null) {
                // after the confirmation: the cache leaves a patient alone while a change to it is unsent
                try {
                    linker.cachePatient(c.patient());
                } catch (RuntimeException e) {
                    // the entry is confirmed; the cache catches up on the next lookup
                    log.warn("push: confirmed {}, but could not cache the centre's patient record: {}", entry, e.toString());
                }
            }
            confirmedThisRun.incrementAndGet();
            status.pushSucceeded();
        } else if (outcome instanceof Outcome.Retry r) {
            Duration delay = r.after() != null ? r.after() : settings.backoff().after(entry.getAttempts());
            if (r.countAttempt()) {
                outbox.scheduleRetry(id, now.plus(delay), r.error());
            } else {
                linker.retryWithoutAttempt(id, now.plus(delay), r.error());
            }
            status.lastError(r.error().title() == null ? r.error().detail() : r.error().title());
        } else if (outcome instanceof Outcome.Failed f) {
            outbox.markFailed(id, f.error());
        } else if (outcome instanceof Outcome.Conflict c) {
            outbox.markConflict(id, c.local(), c.remote());
        } else if (outcome instanceof Outcome.RotateKey k) {
            outbox.rotateKey(id, k.why());
            linker.retryWithoutAttempt(id, now, SyncError.of("New idempotency key: " + k.why()));
        } else if (outcome instanceof Outcome.PauseQueue p) {
            linker.retryWithoutAttempt(id, now, p.error());
            pause(p.error().detail());
        }
        refreshCountsSoon();
    }

    private volatile long lastCountsNanos;

    /** Counting is four queries: at most a few times a second while a large queue drains. */
    private void refreshCountsSoon() {
        long now = System.nanoTime();
        if (now - lastCountsNanos > 200_000_000L) {
            lastCountsNanos = now;
            refreshCounts();
        }
    }
    private void refreshCounts() {
        try {
            OutboxCounts c = outbox.countsForChannel(OutboxChannel.CENTRAL); // TOPIC events are not the operator's queue
            status.counts(c.pending(), c.failed(), c.conflict());
        } catch (RuntimeException e) {
            log.debug("counts not available: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        Thread t = dispatcher;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis()); // back-off after a store error, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For the status: entries being sent right now. */
    public List<Long> inFlightIds() {
        return List.copyOf(inFlight);
    }
}
