package org.movedesk.sync.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.movedesk.sync.events.ConsumedEventLedger.utc;

/**
 * The local copy of failed and dead-lettered events (table {@code event_dead_letter}).
 * The listener writes a RETRYING row on every failed attempt (so the reason is known even
 * though SQS moves the bare message), the dead-letter collector turns it DEAD when the message
 * shows up on the DLQ, and a person resolves it.
 */
public class DeadLetterStore {

    static final int MAX_REASON = 4000;

    private final JdbcTemplate jdbc;

    public DeadLetterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes a failed attempt that SQS will retry. */
    public void recordFailure(String messageKey, String sqsMessageId, String eventType, String body,
                              String reason, int attempts, Instant now) {
        Optional<NeedsAttentionItem> existing = findByKey(messageKey);
        if (existing.isPresent()) {
            jdbc.update("""
                    UPDATE event_dead_letter SET reason = ?, attempts = GREATEST(attempts, ?), last_seen = ?,
                           sqs_message_id = ?
                     WHERE id = ?""",
                    clip(reason), attempts, utc(now), sqsMessageId, existing.get().id());
        } else {
            insert(messageKey, sqsMessageId, eventType, body, reason, attempts, "RETRYING", now);
        }
    }

    /**
     * Records a message that is now in (or bound for) the dead-letter queue. Finds the row of
     * earlier failures by key, else by identical body, so the reason seen while retrying is kept;
     * {@code reason} is used only when nothing better is known or it is given explicitly.
     * A row already DEAD or RESOLVED is left as it is (the DLQ may hand the same message over
     * twice when a delete was lost).
     */
    public NeedsAttentionItem recordDead(String messageKey, String sqsMessageId, String eventType, String body,
                                         String reason, boolean reasonIsExplicit, int attempts, Instant now) {
        Optional<NeedsAttentionItem> existing = findByKey(messageKey)
                .or(() -> findRetryingByBody(sha256(body)));
        if (existing.isPresent()) {
            NeedsAttentionItem row = existing.get();
            String keptReason = reasonIsExplicit || row.reason() == null ? reason : row.reason();
            jdbc.update("""
                    UPDATE event_dead_letter
                       SET state = 'DEAD', reason = ?, attempts = GREATEST(attempts, ?), last_seen = ?,
                           dead_at = COALESCE(dead_at, ?)
                     WHERE id = ? AND state = 'RETRYING'""",
                    clip(keptReason), attempts, utc(now), utc(now), row.id());
            return find(row.id()).orElseThrow();
        }
        long id = insert(messageKey, sqsMessageId, eventType, body, reason, attempts, "DEAD", now);
        jdbc.update("UPDATE event_dead_letter SET dead_at = ? WHERE id = ?", utc(now), id);
        return find(id).orElseThrow();
    }

    /** Drops the RETRYING note of an event that finally went through. */
    public void forgetRetrying(String messageKey) {
        jdbc.update("DELETE FROM event_dead_letter WHERE message_key = ? AND state = 'RETRYING'", messageKey);
    }

    public List<NeedsAttentionItem> list(boolean includeResolved) {
        String where = includeResolved ? "state IN ('DEAD', 'RESOLVED')" : "state = 'DEAD'";
        return jdbc.query("SELECT * FROM event_dead_letter WHERE " + where + " ORDER BY first_seen, id", this::row);
    }

    public long openCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM event_dead_letter WHERE state = 'DEAD'", Long.class);
        return count == null ? 0 : count;
    }

    public Optional<NeedsAttentionItem> find(long id) {
        return jdbc.query("SELECT * FROM event_dead_letter WHERE id = ?", this::row, id).stream().findFirst();
    }

    public Optional<NeedsAttentionItem> findByKey(String messageKey) {
        return jdbc.query("SELECT * FROM event_dead_letter WHERE message_key = ?", this::row, messageKey)
                .stream().findFirst();
    }

    /** Marks a DEAD row resolved; false when it was not DEAD (already resolved, or still retrying). */
    public boolean markResolved(long id, String by, String note, Instant at) {
        return jdbc.update("""
                UPDATE event_dead_letter SET state = 'RESOLVED', resolved_by = ?, resolved_at = ?, resolution_note = ?
                 WHERE id = ? AND state = 'DEAD'""", by, utc(at), note, id) == 1;
    }

    private Optional<NeedsAttentionItem> findRetryingByBody(String bodySha256) {
        return jdbc.query("""
                SELECT * FROM event_dead_letter WHERE body_sha256 = ? AND state = 'RETRYING'
                 ORDER BY last_seen DESC FETCH FIRST 1 ROWS ONLY""", this::row, bodySha256).stream().findFirst();
    }

    private long insert(String messageKey, String sqsMessageId, String eventType, String body, String reason,
                        int attempts, String state, Instant now) {
        jdbc.update("""
                INSERT INTO event_dead_letter (message_key, sqs_message_id, event_type, body, body_sha256, reason,
                                               attempts, state, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                messageKey, sqsMessageId, eventType, body, sha256(body), clip(reason), attempts, state,
                utc(now), utc(now));
        return findByKey(messageKey).orElseThrow().id();
    }

    private NeedsAttentionItem row(ResultSet rs, int rowNum) throws SQLException {
        return new NeedsAttentionItem(
                rs.getLong("id"),
                rs.getString("event_type"),
                rs.getString("body"),
                rs.getString("reason"),
                rs.getInt("attempts"),
                NeedsAttentionItem.State.valueOf(rs.getString("state")),
                instant(rs, "first_seen"),
                instant(rs, "last_seen"),
                instant(rs, "dead_at"),
                rs.getString("resolved_by"),
                instant(rs, "resolved_at"),
                rs.getString("resolution_note"),
                rs.getString("message_key"),
                rs.getString("sqs_message_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String clip(String reason) {
        String text = reason == null || reason.isBlank() ? "(no reason given)" : reason;
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    static String sha256(String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
