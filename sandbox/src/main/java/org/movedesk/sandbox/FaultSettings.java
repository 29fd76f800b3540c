package org.movedesk.sandbox;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fault-injection settings of a running sandbox. Changes take effect for the next request.
 * Thread-safe: each request reads one consistent {@link Faults} snapshot.
 */
public final class FaultSettings {

    private final Faults startUp;
    private final AtomicReference<Faults> current;

    public FaultSettings(Faults startUp) {
        this.startUp = Objects.requireNonNull(startUp, "startUp");
        this.current = new AtomicReference<>(startUp);
    }

    /** The values in force now. */
    public Faults snapshot() {
        return current.get();
    }

    /** Replaces every value at once. */
    public FaultSettings apply(Faults faults) {
        current.set(Objects.requireNonNull(faults, "faults"));
        return this;
    }

    /** Back to the values the sandbox was started with (no faults unless the config asked for some). */
    public FaultSettings reset() {
        current.set(startUp);
        return this;
    }

    /** Switches every fault off, whatever the start-up values were. */
    public FaultSettings clear() {
        current.set(Faults.NONE);
        return this;
    }

    public long latencyMillis() {
        return snapshot().latencyMillis();
    }

    public double errorRate() {
        return snapshot().errorRate();
    }

    public double dropRate() {
        return snapshot().dropRate();
    }

    public double tooManyRequestsRate() {
        return snapshot().tooManyRequestsRate();
    }

    public int retryAfterSeconds() {
        return snapshot().retryAfterSeconds();
    }

    public double truncateRate() {
        return snapshot().truncateRate();
    }

    public FaultSettings setLatencyMillis(long value) {
        current.updateAndGet(f -> f.withLatencyMillis(value));
        return this;
    }

    public FaultSettings setErrorRate(double value) {
        current.updateAndGet(f -> f.withErrorRate(value));
        return this;
    }

    public FaultSettings setDropRate(double value) {
        current.updateAndGet(f -> f.withDropRate(value));
        return this;
    }

    public FaultSettings setTooManyRequestsRate(double value) {
        current.updateAndGet(f -> f.withTooManyRequestsRate(value));
        return this;
    }

    public FaultSettings setRetryAfterSeconds(int value) {
        current.updateAndGet(f -> f.withRetryAfterSeconds(value));
        return this;
    }

    public FaultSettings setTruncateRate(double value) {
        current.updateAndGet(f -> f.withTruncateRate(value));
        return this;
    }

    @Override
    public String toString() {
        return "FaultSettings" + snapshot();
    }
}
