package org.movedesk.sync.push;

import java.time.Duration;

/**
 * @param workers      entries sent at the same time (different moves/patients only)
 * @param batch        ready entries fetched per look at the outbox
 * @param idlePoll     how often an idle worker looks for entries that became due
 * @param backoff      delays after unknown outcomes
 */
public record PushSettings(int workers, int batch, Duration idlePoll, Backoff backoff) {

    public static PushSettings defaults() {
        return new PushSettings(4, 64, Duration.ofMillis(500), Backoff.defaults());
    }
}
