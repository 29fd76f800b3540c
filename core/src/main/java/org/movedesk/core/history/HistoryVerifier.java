package org.movedesk.core.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.outbox.AggregateType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain from the first entry and reports the first link that does not hold. Reads
 * with plain JDBC, streaming, so a long history is checked without loading entities.
 */
@Service
public class HistoryVerifier {

    public static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;

    public HistoryVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** ok, or the id of the first entry whose hash or link to its predecessor is wrong. */
    public record Result(boolean ok, Long firstBrokenId, long checked, String reason) {
        public static Result ok(long checked) {
            return new Result(true, null, checked, null);
        }
    }

    private static final class Walk {
        String expectedPrev = GENESIS;
        long expectedId = 1;
        long checked;
        long lastId;
        Result broken;
    }

    @Transactional(readOnly = true)
    public Result verify() {
        Walk w = new Walk();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select * from history order by id");
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            if (w.broken != null) {
                return;
            }
            HistoryEntry e = read(rs);
            if (e.getId() != w.expectedId) {
                w.broken = new Result(false, e.getId(), w.checked, "entry " + w.expectedId + " is missing");
            } else if (!w.expectedPrev.equals(e.getPrevHash())) {
                w.broken = new Result(false, e.getId(), w.checked, "link to the previous entry is broken");
            } else if (!HistoryHash.of(e).equals(e.getHash())) {
                w.broken = new Result(false, e.getId(), w.checked, "content does not match its hash");
            } else {
                w.expectedPrev = e.getHash();
                w.expectedId++;
                w.checked++;
                w.lastId = e.getId();
            }
        });
        if (w.broken != null) {
            return w.broken;
        }
        var head = jdbc.queryForMap("select last_id, last_hash from history_head where id = 1");
        if (((Number) head.get("LAST_ID")).longValue() != w.lastId || !w.expectedPrev.equals(head.get("LAST_HASH"))) {
            return new Result(false, w.lastId + 1, w.checked, "entries after " + w.lastId + " were removed");
        }
        return Result.ok(w.checked);
    }

    private static HistoryEntry read(ResultSet rs) throws SQLException {
        return HistoryEntry.restore(rs.getLong("id"), instant(rs, "occurred_at"), instant(rs, "recorded_at"),
                rs.getString("operator"), rs.getString("desk_id"), AggregateType.valueOf(rs.getString("aggregate_type")),
                rs.getString("aggregate_id"), rs.getObject("location_id", UUID.class), rs.getObject("to_location_id", UUID.class),
                rs.getString("move_reference"), rs.getString("prison_number"), rs.getString("event_type"),
                rs.getString("move_type") == null ? null : MoveType.valueOf(rs.getString("move_type")),
                rs.getString("status") == null ? null : MoveStatus.valueOf(rs.getString("status")),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("notes"), rs.getString("source"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
