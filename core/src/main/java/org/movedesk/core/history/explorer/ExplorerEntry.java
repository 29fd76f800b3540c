package org.movedesk.core.history.explorer;

import java.time.Instant;
import java.util.UUID;

import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.outbox.AggregateType;

/** One line of the explorer (no before/after bodies: those come with the drill-down). */
public record ExplorerEntry(long id, Instant occurredAt, Instant recordedAt, String operator, String deskId,
                            AggregateType aggregateType, String aggregateId, UUID locationId, UUID toLocationId,
                            String moveReference, String prisonNumber, String eventType, MoveType moveType,
                            MoveStatus status, String notes, String source, SyncState syncState) {

    public HistoryCursor cursor() {
        return new HistoryCursor(occurredAt, id);
    }
}
