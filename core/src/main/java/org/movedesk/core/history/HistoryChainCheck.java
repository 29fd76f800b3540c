package org.movedesk.core.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * "Verify history" for supervisors: re-reads the whole chain in id order, in chunks of plain JDBC
 * rows (flat memory for millions of entries), recomputes each entry's hash with the recorder's
 * own code ({@link HistoryEntry}'s constructor) and reports the first link that does not hold:
 * a missing id, a previous-hash that is not the hash before it, or content that no longer
 * matches its hash. Progress after every chunk; cancellable between chunks.
 */
@Service
public class HistoryChainCheck {

    static final int CHUNK = 10_000;
    private static final String COLUMNS = "id, occurred_at, recorded_at, operator, desk_id, aggregate_type, aggregate_id,"
            + " location_id, to_location_id, move_reference, prison_number, event_type, move_type, status, before_json,"
            + " after_json, notes, source, prev_hash, hash";

    private final JdbcTemplate jdbc;

    public HistoryChainCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The outcome. When broken: {@code brokenId} is the first entry that fails, {@code reason} says
     * how, {@code expected} and {@code found} are the two values that differ (hashes, or ids).
     */
    public record Report(boolean intact, long checked, long total, Long brokenId, String reason, String expected,
                         String found) {

        static Report intact(long checked) {
            return new Report(true, checked, checked, null, null, null, null);
        }
    }

    public Report verify(Actor actor, ProgressListener progress, CancellationToken cancel) {
        Permissions.require(actor, "verify the history", Role.SUPERVISOR, Role.ADMIN);
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.none() : cancel;
        Object[] head = jdbc.queryForObject("select last_id, last_hash from history_head where id = 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long headId = (Long) head[0];
        String headHash = (String) head[1];
        long total = headId;
        String expectedPrev = HistoryVerifier.GENESIS;
        long expectedId = 1;
        long checked = 0;
        listener.progress(0, total);
        while (true) {
            token.throwIfCancelled("Verifying the history");
            List<Row> rows = jdbc.query("select " + COLUMNS + " from history where id >= ? order by id limit " + CHUNK,
                    (rs, i) -> Row.of(rs), expectedId);
            if (rows.isEmpty()) {
                break;
            }
            for (Row r : rows) {
                if (r.id != expectedId) {
                    return new Report(false, checked, total, expectedId, "entry " + expectedId + " is missing",
                            "id " + expectedId, "id " + r.id);
                }
                if (!expectedPrev.equals(r.prevHash)) {
                    return new Report(false, checked, total, r.id,
                            "its link to entry " + (r.id - 1) + " is broken (the previous hash differs)",
                            expectedPrev, r.prevHash);
                }
                String recomputed;
                try {
                    recomputed = r.recompute();
                } catch (RuntimeException unreadable) {
                    return new Report(false, checked, total, r.id, "its content cannot be read back: "
                            + unreadable.getMessage(), r.hash, null);
                }
                if (!recomputed.equals(r.hash)) {
                    return new Report(false, checked, total, r.id, "its content was changed after it was recorded",
                            recomputed, r.hash);
                }
                expectedPrev = r.hash;
                expectedId++;
                checked++;
            }
            listener.progress(checked, Math.max(total, checked));
        }
        if (checked != headId) {
            return new Report(false, checked, total, checked + 1, "entries after " + checked + " were removed",
                    "last id " + headId, "last id " + checked);
        }
        if (!expectedPrev.equals(headHash)) {
            return new Report(false, checked, total, checked, "the chain head does not match the last entry",
                    headHash, expectedPrev);
        }
        listener.progress(checked, checked);
        return Report.intact(checked);
    }

    /** A stored row as read, without an entity manager (nothing is kept between chunks). */
    private record Row(long id, java.time.Instant recordedAt, HistoryDraft draft, String prevHash, String hash) {

        static Row of(ResultSet rs) throws SQLException {
            String moveType = rs.getString("move_type");
            String status = rs.getString("status");
            HistoryDraft d = new HistoryDraft(instant(rs, "occurred_at"), rs.getString("operator"),
                    rs.getString("desk_id"), AggregateType.valueOf(rs.getString("aggregate_type")),
                    rs.getString("aggregate_id"), rs.getObject("location_id", UUID.class),
                    rs.getObject("to_location_id", UUID.class), rs.getString("move_reference"),
                    rs.getString("prison_number"), rs.getString("event_type"),
                    moveType == null ? null : MoveType.valueOf(moveType), status == null ? null : MoveStatus.valueOf(status),
                    rs.getString("before_json"), rs.getString("after_json"), rs.getString("notes"), rs.getString("source"));
            return new Row(rs.getLong("id"), instant(rs, "recorded_at"), d, rs.getString("prev_hash"), rs.getString("hash"));
        }

        private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }

        /** The hash this content should carry: the recorder's own constructor computes it. */
        String recompute() {
            return new HistoryEntry(id, recordedAt, draft, prevHash).getHash();
        }
    }

}
