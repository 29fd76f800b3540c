package org.movedesk.core.history;

import java.time.Instant;
import java.util.UUID;

import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.outbox.AggregateType;

public record HistoryRow(long id, Instant occurredAt, Instant recordedAt, String operator, String deskId,
                         AggregateType aggregateType, String aggregateId, UUID locationId, UUID toLocationId,
                         String moveReference, String prisonNumber, String eventType, MoveType moveType,
                         MoveStatus status, String before, String after, String notes, String source) {
}
