package org.movedesk.core.history.explorer;

import java.time.Instant;

import org.movedesk.core.common.ValidationException;

/**
 * Keyset position in the newest-first order (occurred at, then id): the next page starts
 * strictly after it, so paging stays fast at any depth and never skips or repeats a row
 * when new entries arrive meanwhile.
 */
public record HistoryCursor(Instant occurredAt, long id) {

    /** A compact token the UI can keep ("epochMicros:id"). */
    public String token() {
        long micros = Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L) + occurredAt.getNano() / 1000;
        return micros + ":" + id;
    }

    public static HistoryCursor parse(String token) {
        try {
            int colon = token.indexOf(':');
            long micros = Long.parseLong(token.substring(0, colon));
            long id = Long.parseLong(token.substring(colon + 1));
            return new HistoryCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000), id);
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "The page position '" + token + "' is not valid; start from the first page.");
        }
    }
}
