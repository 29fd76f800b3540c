package org.movedesk.sync.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the listener has already applied (by de-duplication key) and the newest event time
 * applied per prisoner. Callers run these inside the transaction that applies the event, so
 * the memory and the change commit or roll back together.
 */
public class ConsumedEventLedger {

    private final JdbcTemplate jdbc;

    public ConsumedEventLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean alreadyConsumed(String messageKey) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_consumed WHERE message_key = ?", Integer.class, messageKey);
        return count != null && count > 0;
    }

    /** Which of these keys were applied already: one query for a received batch. */
    public java.util.Set<String> alreadyConsumed(java.util.Collection<String> messageKeys) {
        if (messageKeys.isEmpty()) {
            return java.util.Set.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(messageKeys.size(), "?"));
        return new java.util.HashSet<>(jdbc.queryForList(
                "SELECT message_key FROM event_consumed WHERE message_key IN (" + marks + ")", String.class,
                messageKeys.toArray()));
    }

    public void remember(String messageKey, String eventType, EventOutcome outcome, Instant at) {
        jdbc.update("INSERT INTO event_consumed (message_key, event_type, outcome, consumed_at) VALUES (?, ?, ?, ?)",
                messageKey, eventType, outcome.name(), utc(at));
    }

    /** The newest event time applied for this prisoner, if any. */
    public Optional<Instant> watermark(String subject) {
        List<OffsetDateTime> rows = jdbc.query("SELECT occurred_at FROM event_watermark WHERE subject = ?",
                (rs, i) -> rs.getObject(1, OffsetDateTime.class), subject);
        return rows.stream().findFirst().map(OffsetDateTime::toInstant);
    }

    public void advanceWatermark(String subject, Instant occurredAt, String eventType) {
        int updated = jdbc.update(
                "UPDATE event_watermark SET occurred_at = ?, event_type = ? WHERE subject = ? AND occurred_at < ?",
                utc(occurredAt), eventType, subject, utc(occurredAt));
        if (updated == 0 && watermark(subject).isEmpty()) {
            jdbc.update("INSERT INTO event_watermark (subject, occurred_at, event_type) VALUES (?, ?, ?)",
                    subject, utc(occurredAt), eventType);
        }
    }

    /** The newest event times applied for these prisoners (absent = none yet): one query for a batch. */
    public java.util.Map<String, Instant> watermarks(java.util.Collection<String> subjects) {
        java.util.Map<String, Instant> newest = new java.util.HashMap<>();
        if (subjects.isEmpty()) {
            return newest;
        }
        String marks = String.join(",", java.util.Collections.nCopies(subjects.size(), "?"));
        jdbc.query("SELECT subject, occurred_at FROM event_watermark WHERE subject IN (" + marks + ")",
                rs -> {
                    newest.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }, subjects.toArray());
        return newest;
    }

    /**
     * Sets the watermark, for a caller that has just read it in the same transaction and knows
     * {@code occurredAt} is not older (one upsert instead of update, read and insert).
     */
    public void setWatermark(String subject, Instant occurredAt, String eventType) {
        jdbc.update("MERGE INTO event_watermark (subject, occurred_at, event_type) KEY (subject) VALUES (?, ?, ?)",
                subject, utc(occurredAt), eventType);
    }

    /** Forgets keys older than SQS could still redeliver; returns how many went. */
    public int prune(Instant olderThan) {
        return jdbc.update("DELETE FROM event_consumed WHERE consumed_at < ?", utc(olderThan));
    }

    public long consumedCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM event_consumed", Long.class);
        return count == null ? 0 : count;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
