package org.movedesk.sync.push;

import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;

/**
 * When to try an entry again after an unknown outcome: exponential with jitter (so desks coming
 * back online together do not hammer the centre in step), capped, and never giving up by itself.
 */
public final class Backoff {

    private final IntervalFunction interval;
    private final Duration max;

    public Backoff(Duration initial, Duration max) {
        this.interval = IntervalFunction.ofExponentialRandomBackoff(initial, 2.0, 0.5, max);
        this.max = max;
    }

    public static Backoff defaults() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /** @param attempts attempts made so far (1 after the first failure) */
    public Duration after(int attempts) {
        // resilience4j counts from 1 and grows 2^(n-1); cap the exponent so the multiplication never overflows
        Duration d = Duration.ofMillis(interval.apply(Math.max(1, Math.min(attempts, 30))));
        // the jitter is applied around the capped value; the cap is a promise to the operator, so hold it
        return d.compareTo(max) > 0 ? max : d;
    }
}
