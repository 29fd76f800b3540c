package org.movedesk.core.outbox;

import java.time.Instant;
import java.util.UUID;

/** One outbox entry as the sync screens show it. */
public record OutboxView(long id, OutboxChannel channel, AggregateType aggregateType, String aggregateId,
                         String label, long seq, OutboxAction action, OutboxState state, int attempts,
                         Instant occurredAt, Instant nextAttemptAt, Integer errorStatus, String errorCode,
                         String errorTitle, String errorDetail, String conflictLocal, String conflictRemote,
                         UUID idempotencyKey, String createdBy) {
}
