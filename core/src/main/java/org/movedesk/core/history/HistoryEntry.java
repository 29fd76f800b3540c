package org.movedesk.core.history;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.outbox.AggregateType;

/** One line of the append-only, hash-chained audit trail. Written only by {@link HistoryRecorder}. */
@Entity
@Immutable
@Table(name = "history")
public class HistoryEntry {

    public static final String SOURCE_LOCAL = "LOCAL";
    public static final String SOURCE_CENTRAL = "CENTRAL";
    public static final String SOURCE_SYNC = "SYNC";

    @Id
    private long id;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(nullable = false)
    private String operator;
    @Column(name = "desk_id")
    private String deskId;
    @Enumerated(EnumType.STRING)
    @Column(name = "aggregate_type", nullable = false)
    private AggregateType aggregateType;
    @Column(name = "aggregate_id", nullable = false)
    private String aggregateId;
    @Column(name = "location_id")
    private UUID locationId;
    @Column(name = "to_location_id")
    private UUID toLocationId;
    @Column(name = "move_reference")
    private String moveReference;
    @Column(name = "prison_number")
    private String prisonNumber;
    @Column(name = "event_type", nullable = false)
    private String eventType;
    @Enumerated(EnumType.STRING)
    @Column(name = "move_type")
    private MoveType moveType;
    @Enumerated(EnumType.STRING)
    private MoveStatus status;
    @Column(name = "before_json", length = 100000)
    private String before;
    @Column(name = "after_json", length = 100000)
    private String after;
    @Column(length = 4000)
    private String notes;
    @Column(nullable = false)
    private String source;
    @Column(name = "prev_hash", nullable = false)
    private String prevHash;
    @Column(nullable = false)
    private String hash;

    protected HistoryEntry() {
    }

    HistoryEntry(long id, Instant recordedAt, HistoryDraft d, String prevHash) {
        this.id = id;
        this.occurredAt = d.occurredAt() == null ? recordedAt : d.occurredAt();
        this.recordedAt = recordedAt;
        this.operator = d.operator();
        this.deskId = d.deskId();
        this.aggregateType = d.aggregateType();
        this.aggregateId = d.aggregateId();
        this.locationId = d.locationId();
        this.toLocationId = d.toLocationId();
        this.moveReference = d.moveReference();
        this.prisonNumber = d.prisonNumber();
        this.eventType = d.eventType();
        this.moveType = d.moveType();
        this.status = d.status();
        this.before = d.before();
        this.after = d.after();
        this.notes = d.notes() == null || d.notes().length() <= 4000 ? d.notes() : d.notes().substring(0, 4000);
        this.source = d.source() == null ? SOURCE_LOCAL : d.source();
        this.prevHash = prevHash;
        this.hash = HistoryHash.of(this);
    }

    /** A stored row as read back by the verifier (plain JDBC, no persistence context). */
    static HistoryEntry restore(long id, Instant occurredAt, Instant recordedAt, String operator, String deskId,
                                AggregateType aggregateType, String aggregateId, UUID locationId, UUID toLocationId,
                                String moveReference, String prisonNumber, String eventType, MoveType moveType,
                                MoveStatus status, String before, String after, String notes, String source,
                                String prevHash, String hash) {
        HistoryEntry e = new HistoryEntry();
        e.id = id;
        e.occurredAt = occurredAt;
        e.recordedAt = recordedAt;
        e.operator = operator;
        e.deskId = deskId;
        e.aggregateType = aggregateType;
        e.aggregateId = aggregateId;
        e.locationId = locationId;
        e.toLocationId = toLocationId;
        e.moveReference = moveReference;
        e.prisonNumber = prisonNumber;
        e.eventType = eventType;
        e.moveType = moveType;
        e.status = status;
        e.before = before;
        e.after = after;
        e.notes = notes;
        e.source = source;
        e.prevHash = prevHash;
        e.hash = hash;
        return e;
    }

    public long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getOperator() {
        return operator;
    }

    public String getDeskId() {
        return deskId;
    }

    public AggregateType getAggregateType() {
        return aggregateType;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public UUID getLocationId() {
        return locationId;
    }

    public UUID getToLocationId() {
        return toLocationId;
    }

    public String getMoveReference() {
        return moveReference;
    }

    public String getPrisonNumber() {
        return prisonNumber;
    }

    public String getEventType() {
        return eventType;
    }

    public MoveType getMoveType() {
        return moveType;
    }

    public MoveStatus getStatus() {
        return status;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getNotes() {
        return notes;
    }

    public String getSource() {
        return source;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
