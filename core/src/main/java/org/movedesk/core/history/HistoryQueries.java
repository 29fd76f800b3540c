package org.movedesk.core.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The audit trail for screens and supervisors. Anyone who works with moves sees a move's or a
 * person's history; what other operators did across the desk is for SUPERVISOR and ADMIN.
 */
@Service
public class HistoryQueries {

    private static final String COLUMNS = "h.id, h.occurred_at, h.recorded_at, h.operator, h.desk_id, h.aggregate_type,"
            + " h.aggregate_id, h.location_id, h.to_location_id, h.move_reference, h.prison_number, h.event_type,"
            + " h.move_type, h.status, h.before_json, h.after_json, h.notes, h.source";
    private static final Role[] PERSON_READERS = {Role.PRISON_STAFF, Role.SUPPLIER, Role.SUPERVISOR, Role.ADMIN,
            Role.SYSTEM, Role.RP_SEARCH};

    private final NamedParameterJdbcTemplate jdbc;

    public HistoryQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<HistoryRow> forMove(Actor actor, UUID moveId) {
        Permissions.require(actor, "see a move's history", org.movedesk.core.operators.Permissions.MOVE_READERS);
        return jdbc.query("select " + COLUMNS + " from history h where h.aggregate_type = 'MOVE' and h.aggregate_id = :id"
                + " order by h.id", new MapSqlParameterSource("id", moveId.toString()), (rs, i) -> row(rs));
    }

    public List<HistoryRow> forPerson(Actor actor, String prisonNumber) {
        Permissions.require(actor, "see a person's history", PERSON_READERS);
        String n = prisonNumber == null ? "" : prisonNumber.trim().toUpperCase(Locale.ROOT);
        return jdbc.query("select " + COLUMNS + " from history h where h.prison_number = :n order by h.id",
                new MapSqlParameterSource("n", n), (rs, i) -> row(rs));
    }

    public List<HistoryRow> forOperator(Actor actor, String username) {
        requireOperatorAccess(actor, username);
        return jdbc.query("select " + COLUMNS + " from history h where h.operator = :u order by h.id",
                new MapSqlParameterSource("u", username), (rs, i) -> row(rs));
    }

    /** Newest first. */
    public Page<HistoryRow> search(Actor actor, HistoryFilter f, int page, int size) {
        requireOperatorAccess(actor, f.operator());
        int limit = Math.max(1, Math.min(size, 1000));
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (f.aggregateType() != null) {
            where.append(" and h.aggregate_type = :type");
            p.addValue("type", f.aggregateType().name());
        }
        if (f.aggregateId() != null) {
            where.append(" and h.aggregate_id = :aid");
            p.addValue("aid", f.aggregateId());
        }
        if (f.prisonNumber() != null && !f.prisonNumber().isBlank()) {
            where.append(" and h.prison_number = :pn");
            p.addValue("pn", f.prisonNumber().trim().toUpperCase(Locale.ROOT));
        }
        if (f.operator() != null && !f.operator().isBlank()) {
            where.append(" and h.operator = :op");
            p.addValue("op", f.operator());
        }
        if (f.from() != null) {
            where.append(" and h.occurred_at >= :from");
            p.addValue("from", f.from().atOffset(java.time.ZoneOffset.UTC));
        }
        if (f.to() != null) {
            where.append(" and h.occurred_at < :to");
            p.addValue("to", f.to().atOffset(java.time.ZoneOffset.UTC));
        }
        if (f.eventTypePrefix() != null && !f.eventTypePrefix().isBlank()) {
            where.append(" and h.event_type like :et");
            p.addValue("et", f.eventTypePrefix().replace("%", "") + "%");
        }
        String source = "history h";
        if (f.locationId() != null) {
            // two indexed lookups, not an OR (which H2 answers with a scan)
            p.addValue("loc", f.locationId());
            source = "(select * from history where location_id = :loc union all"
                    + " select * from history where to_location_id = :loc and (location_id is null or location_id <> :loc)) h";
        }
        Long total = jdbc.queryForObject("select count(*) from " + source + where, p, Long.class);
        p.addValue("limit", limit).addValue("offset", (long) Math.max(0, page) * limit);
        List<HistoryRow> rows = jdbc.query("select " + COLUMNS + " from " + source + where
                + " order by h.id desc limit :limit offset :offset", p, (rs, i) -> row(rs));
        return new PageImpl<>(rows, PageRequest.of(Math.max(0, page), limit), total == null ? 0 : total);
    }

    private static void requireOperatorAccess(Actor actor, String username) {
        if (actor != null && username != null && username.equals(actor.username())) {
            return;
        }
        Permissions.require(actor, "see what other operators did", Role.SUPERVISOR, Role.ADMIN);
    }

    private static HistoryRow row(ResultSet rs) throws SQLException {
        return new HistoryRow(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("operator"),
                rs.getString("desk_id"), AggregateType.valueOf(rs.getString("aggregate_type")), rs.getString("aggregate_id"),
                rs.getObject("location_id", UUID.class), rs.getObject("to_location_id", UUID.class),
                rs.getString("move_reference"), rs.getString("prison_number"), rs.getString("event_type"),
                rs.getString("move_type") == null ? null : MoveType.valueOf(rs.getString("move_type")),
                rs.getString("status") == null ? null : MoveStatus.valueOf(rs.getString("status")),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("notes"), rs.getString("source"));
    }
}
