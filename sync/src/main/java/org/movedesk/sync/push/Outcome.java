package org.movedesk.sync.push;

import org.movedesk.core.restrictedpatients.CentralPatient;

import java.time.Duration;

import org.movedesk.core.outbox.SyncError;

/** What one attempt at an outbox entry came to; {@link PushWorker} turns it into an outbox state change. */
public sealed interface Outcome {

    /**
     * The centre holds the effect. {@code reference} only for a created move; {@code patient} the
     * centre's record of a restricted patient it answered with, to cache once the entry is confirmed.
     */
    record Confirmed(String centralId, String reference, CentralPatient patient) implements Outcome {
        public Confirmed(String centralId, String reference) {
            this(centralId, reference, null);
        }
    }

    /**
     * Unknown whether it took effect, or the centre asked us to slow down: send again later with the same key.
     *
     * @param after        null = exponential back-off from the attempt count
     * @param countAttempt false for 429 (the centre did not look at it) and 401 pauses
     */
    record Retry(SyncError error, Duration after, boolean countAttempt) implements Outcome {
    }

    /** The centre refused the request itself; a person must edit and resend, or discard. */
    record Failed(SyncError error) implements Outcome {
    }

    /** The centre's state differs from what this entry expected; the conflict inbox shows both. */
    record Conflict(String local, String remote) implements Outcome {
    }

    /** The key was used before without effect (proved by a read-back): a new key, then send again at once. */
    record RotateKey(String why) implements Outcome {
    }

    /** The centre rejects our credentials even after a fresh token: stop the whole queue. */
    record PauseQueue(SyncError error) implements Outcome {
    }
}
