package org.movedesk.sync.pull;

import java.time.Duration;

/**
 * @param daysBefore first day of the window, relative to today (default 1: yesterday)
 * @param daysAfter  last day of the window (default 14)
 * @param perPage    moves per page (the API allows up to 2000)
 * @param interval   time between automatic refreshes
 */
public record PullSettings(int daysBefore, int daysAfter, int perPage, Duration interval) {

    public PullSettings {
        if (perPage < 1 || perPage > 2000) {
            throw new IllegalArgumentException("per-page must be between 1 and 2000, was " + perPage);
        }
        if (daysBefore < 0 || daysAfter < 0) {
            throw new IllegalArgumentException("the pull window must not be negative");
        }
    }

    public static PullSettings defaults() {
        return new PullSettings(1, 14, 2000, Duration.ofMinutes(5));
    }
}
