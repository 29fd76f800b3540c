package org.movedesk.core.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One recorded action waiting to reach the centre (or a topic). Fields and states per SYNC.md. */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "aggregate_type", nullable = false)
    private AggregateType aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    private String aggregateId;

    @Column(nullable = false)
    private long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxAction action;

    @Column(nullable = false, length = 100000)
    private String payload;

    @Column(name = "idempotency_key", nullable = false)
    private UUID idempotencyKey;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "error_status")
    private Integer errorStatus;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_title")
    private String errorTitle;
    @Column(name = "error_detail", length = 4000)
    private String errorDetail;
    @Column(name = "error_pointer")
    private String errorPointer;

    @Column(name = "central_id")
    private String centralId;

    @Column(name = "conflict_local", length = 100000)
    private String conflictLocal;
    @Column(name = "conflict_remote", length = 100000)
    private String conflictRemote;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /** The history entry of the same action (V30); null for entries written before it existed. */
    @Column(name = "history_id")
    private Long historyId;

    protected OutboxEntry() {
    }

    OutboxEntry(OutboxChannel channel, AggregateType aggregateType, String aggregateId, long seq, OutboxAction action,
                String payload, Instant occurredAt, Instant recordedAt, String createdBy) {
        this.channel = channel;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.seq = seq;
        this.action = action;
        this.payload = payload;
        this.idempotencyKey = UUID.randomUUID();
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.state = OutboxState.PENDING;
        this.createdBy = createdBy;
        this.updatedAt = recordedAt;
    }

    void setState(OutboxState state, Instant now) {
        this.state = state;
        this.updatedAt = now;
    }

    void linkHistory(Long historyId) {
        this.historyId = historyId;
    }

    public Long getHistoryId() {
        return historyId;
    }

    void countAttempt() {
        this.attempts++;
    }

    void uncountAttempt() {
        if (attempts > 0) {
            this.attempts--;
        }
    }

    void setNextAttemptAt(Instant nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    void setError(SyncError error) {
        if (error == null) {
            errorStatus = null;
            errorCode = null;
            errorTitle = null;
            errorDetail = null;
            errorPointer = null;
            return;
        }
        errorStatus = error.status();
        errorCode = cut(error.code(), 120);
        errorTitle = cut(error.title(), 500);
        errorDetail = cut(error.detail(), 4000);
        errorPointer = cut(error.pointer(), 500);
    }

    void setConflict(String local, String remote) {
        this.conflictLocal = local;
        this.conflictRemote = remote;
    }

    void setCentralId(String centralId) {
        this.centralId = centralId;
    }

    void setPayload(String payload) {
        this.payload = payload;
    }

    UUID rotateKey() {
        this.idempotencyKey = UUID.randomUUID();
        return idempotencyKey;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public long getId() {
        return id == null ? 0 : id;
    }

    public OutboxChannel getChannel() {
        return channel;
    }

    public AggregateType getAggregateType() {
        return aggregateType;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public long getSeq() {
        return seq;
    }

    public OutboxAction getAction() {
        return action;
    }

    public String getPayload() {
        return payload;
    }

    public UUID getIdempotencyKey() {
        return idempotencyKey;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public OutboxState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer getErrorStatus() {
        return errorStatus;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorTitle() {
        return errorTitle;
    }

    public String getErrorDetail() {
        return errorDetail;
    }

    public String getErrorPointer() {
        return errorPointer;
    }

    public String getCentralId() {
        return centralId;
    }

    public String getConflictLocal() {
        return conflictLocal;
    }

    public String getConflictRemote() {
        return conflictRemote;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "OutboxEntry#" + id + "[" + channel + " " + aggregateType + ":" + aggregateId + " seq " + seq + " "
                + action + " " + state + "]";
    }
}
