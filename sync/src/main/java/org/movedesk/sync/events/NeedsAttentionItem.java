package org.movedesk.sync.events;

import java.time.Instant;

/**
 * A consumed event the desk could not apply, as the "needs attention" list shows it.
 *
 * @param reason    why it failed, in words a person can act on (e.g. the merge message naming
 *                  both prisoner numbers and the hospital)
 * @param firstSeen when the desk first failed on it
 * @param deadAt    when it reached the dead-letter queue
 */
public record NeedsAttentionItem(long id, String eventType, String body, String reason, int attempts, State state,
                                 Instant firstSeen, Instant lastSeen, Instant deadAt, String resolvedBy,
                                 Instant resolvedAt, String resolutionNote, String messageKey, String sqsMessageId) {

    public enum State {
        /** SQS is still retrying; not listed yet. */
        RETRYING,
        /** In the dead-letter queue; waits for a person. */
        DEAD,
        /** A person dealt with it (resolvedBy, resolvedAt, resolutionNote). */
        RESOLVED
    }
}
