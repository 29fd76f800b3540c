package org.movedesk.core.history;

import java.time.Instant;
import java.util.UUID;

import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.outbox.AggregateType;

/** What a service wants recorded; the recorder adds id, recorded-at and the hash chain. */
public record HistoryDraft(Instant occurredAt, String operator, String deskId, AggregateType aggregateType,
                           String aggregateId, UUID locationId, UUID toLocationId, String moveReference,
                           String prisonNumber, String eventType, MoveType moveType, MoveStatus status,
                           String before, String after, String notes, String source) {

    public static Builder of(Actor actor, AggregateType type, String aggregateId, String eventType) {
        return new Builder(actor, type, aggregateId, eventType);
    }

    public static final class Builder {
        private Instant occurredAt;
        private final String operator;
        private final String deskId;
        private final AggregateType type;
        private final String aggregateId;
        private final String eventType;
        private UUID locationId;
        private UUID toLocationId;
        private String moveReference;
        private String prisonNumber;
        private MoveType moveType;
        private MoveStatus status;
        private String before;
        private String after;
        private String notes;
        private String source = HistoryEntry.SOURCE_LOCAL;

        private Builder(Actor actor, AggregateType type, String aggregateId, String eventType) {
            this.operator = actor.username();
            this.deskId = actor.deskId();
            this.type = type;
            this.aggregateId = aggregateId;
            this.eventType = eventType;
        }

        public Builder occurredAt(Instant v) { this.occurredAt = v; return this; }
        public Builder locations(UUID from, UUID to) { this.locationId = from; this.toLocationId = to; return this; }
        public Builder moveReference(String v) { this.moveReference = v; return this; }
        public Builder prisonNumber(String v) { this.prisonNumber = v; return this; }
        public Builder moveType(MoveType v) { this.moveType = v; return this; }
        public Builder status(MoveStatus v) { this.status = v; return this; }
        public Builder before(String json) { this.before = json; return this; }
        public Builder after(String json) { this.after = json; return this; }
        public Builder notes(String v) { this.notes = v; return this; }
        public Builder source(String v) { this.source = v; return this; }

        public HistoryDraft build() {
            return new HistoryDraft(occurredAt, operator, deskId, type, aggregateId, locationId, toLocationId,
                    moveReference, prisonNumber, eventType, moveType, status, before, after, notes, source);
        }
    }
}
