package org.movedesk.core.history.stats;

import java.time.Duration;
import java.util.List;

/** Time from booked to completed over the moves completed in the filter's range. */
public record DurationStats(long moves, Duration p50, Duration p90, Duration p95, Duration p99, Duration max,
                            List<Bucket> buckets) {

    /** Moves whose time falls in [from, to) ({@code to} null = and longer). */
    public record Bucket(String label, Duration from, Duration to, long moves) {
    }
}
