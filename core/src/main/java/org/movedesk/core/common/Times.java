package org.movedesk.core.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

public final class Times {
    private Times() {
    }

    /** The store keeps microseconds; truncating here keeps hashes and comparisons stable after a round trip. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
