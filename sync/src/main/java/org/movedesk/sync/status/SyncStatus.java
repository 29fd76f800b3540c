package org.movedesk.sync.status;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.movedesk.sync.http.TrafficListener;
import org.movedesk.sync.status.SyncSnapshot.Activity;
import org.movedesk.sync.status.SyncSnapshot.Connectivity;

/**
 * The observable sync status the UI binds to. Plain Java: listeners are called on whichever
 * sync thread made the change (the UI re-posts to its own thread). Connectivity is never
 * guessed: it follows what real requests experienced.
 */
public class SyncStatus implements TrafficListener {

    /** Desk and centre disagree by more than this: event timestamps would be out of order. */
    public static final Duration SKEW_TOLERANCE = Duration.ofMinutes(1);
    /** Lost answers in a row, with no answer in between, before a desk counts as offline. */
    static final int NO_ANSWERS_BEFORE_OFFLINE = 3;

    private final Clock clock;
    private final List<Consumer<SyncSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile SyncSnapshot current = SyncSnapshot.initial();
    private int noAnswersInARow;
    private volatile Instant lastTraffic = Instant.EPOCH;

    public SyncStatus(Clock clock) {
        this.clock = clock;
    }

    public SyncSnapshot current() {
        return current;
    }

    /** Adds a listener and calls it at once with the current value. */
    public void addListener(Consumer<SyncSnapshot> listener) {
        listeners.add(listener);
        listener.accept(current);
    }

    public void removeListener(Consumer<SyncSnapshot> listener) {
        listeners.remove(listener);
    }

    public Instant lastTraffic() {
        return lastTraffic;
    }

    @Override
    public void onAnswer(int status, Instant serverDate, Instant receivedAt) {
        lastTraffic = receivedAt;
        synchronized (this) {
            noAnswersInARow = 0;
        }
        update(s -> {
            Duration skew = serverDate == null ? s.clockSkew() : Duration.between(receivedAt, serverDate);
            boolean warn = skew != null && skew.abs().compareTo(SKEW_TOLERANCE) > 0;
            return new SyncSnapshot(Connectivity.ONLINE, s.pending(), s.failed(), s.conflicts(), s.lastPush(),
                    s.lastPull(), s.activity(), s.paused(), s.pauseReason(), s.tokenProblem(), skew, warn, s.lastError());
        });
    }

    @Override
    public void onNoAnswer(IOException failure) {
        lastTraffic = Instant.now(clock);
        boolean unreachable = failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException;
        int inARow;
        synchronized (this) {
            inARow = ++noAnswersInARow;
        }
        if (unreachable || inARow >= NO_ANSWERS_BEFORE_OFFLINE) {
            update(s -> with(s, Connectivity.OFFLINE));
        }
    }

    public void counts(long pending, long failed, long conflicts) {
        update(s -> new SyncSnapshot(s.connectivity(), pending, failed, conflicts, s.lastPush(), s.lastPull(),
                s.activity(), s.paused(), s.pauseReason(), s.tokenProblem(), s.clockSkew(), s.clockSkewWarning(),
                s.lastError()));
    }

    public void pushSucceeded() {
        Instant now = Instant.now(clock);
        update(s -> new SyncSnapshot(s.connectivity(), s.pending(), s.failed(), s.conflicts(), now, s.lastPull(),
                s.activity(), s.paused(), s.pauseReason(), s.tokenProblem(), s.clockSkew(), s.clockSkewWarning(),
                null));
    }

    public void pullSucceeded() {
        Instant now = Instant.now(clock);
        update(s -> new SyncSnapshot(s.connectivity(), s.pending(), s.failed(), s.conflicts(), s.lastPush(), now,
                s.activity(), s.paused(), s.pauseReason(), s.tokenProblem(), s.clockSkew(), s.clockSkewWarning(),
                s.lastError()));
    }

    /** {@code what} null = idle. */
    public void activity(String what, int done, int total) {
        Activity a = what == null ? null : new Activity(what, done, total);
        update(s -> new SyncSnapshot(s.connectivity(), s.pending(), s.failed(), s.conflicts(), s.lastPush(),
                s.lastPull(), a, s.paused(), s.pauseReason(), s.tokenProblem(), s.clockSkew(), s.clockSkewWarning(),
                s.lastError()));
    }

    public void idle() {
        activity(null, 0, 0);
    }

    public void paused(boolean paused, String reason) {
        update(s -> new SyncSnapshot(s.connectivity(), s.pending(), s.failed(), s.conflicts(), s.lastPush(),
                s.lastPull(), s.activity(), paused, paused ? reason : null, s.tokenProblem(), s.clockSkew(),
                s.clockSkewWarning(), s.lastError()));
    }

    public void tokenProblem(String problem) {
        update(s -> new SyncSnapshot(s.connectivity(), s.pending(), s.failed(), s.conflicts(), s.lastPush(),
                s.lastPull(), s.activity(), s.paused(), s.pauseReason(), problem, s.clockSkew(), s.clockSkewWarning(),
                s.lastError()));
    }

    public void lastError(String error) {
        update(s -> new SyncSnapshot(s.connectivity(), s.pending(), s.failed(), s.conflicts(), s.lastPush(),
                s.lastPull(), s.activity(), s.paused(), s.pauseReason(), s.tokenProblem(), s.clockSkew(),
                s.clockSkewWarning(), error));
    }

    private static SyncSnapshot with(SyncSnapshot s, Connectivity c) {
        return new SyncSnapshot(c, s.pending(), s.failed(), s.conflicts(), s.lastPush(), s.lastPull(), s.activity(),
                s.paused(), s.pauseReason(), s.tokenProblem(), s.clockSkew(), s.clockSkewWarning(), s.lastError());
    }

    private void update(UnaryOperator<SyncSnapshot> change) {
        SyncSnapshot before;
        SyncSnapshot after;
        synchronized (this) {
            before = current;
            after = change.apply(before);
            current = after;
        }
        if (!after.equals(before)) {
            for (Consumer<SyncSnapshot> l : listeners) {
                try {
                    l.accept(after);
                } catch (RuntimeException e) {
                    // a broken listener must not stop sync or the other listeners
                    org.slf4j.LoggerFactory.getLogger(SyncStatus.class).warn("sync status listener failed", e);
                }
            }
        }
    }
}
