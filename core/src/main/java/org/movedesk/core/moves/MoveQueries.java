package org.movedesk.core.moves;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Read models for the moves screens, in plain SQL. "Moves in and out of my locations" is two
 * indexed lookups joined with UNION ALL: in H2 {@code from = ? OR to = ?} scans the table.
 */
@Service
public class MoveQueries {

    private static final Pattern PRISON_NUMBER = Pattern.compile("[A-Z][0-9]{4}[A-Z]{2}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9]{8}");
    private static final int MAX_PAGE = 2000;

    private static final String SELECT = """
            select m.id, m.reference, m.status, m.move_type, m.move_date, m.time_due,
                   m.from_location_id, fl.title from_title, m.to_location_id, tl.title to_title,
                   pe.prison_number, pe.last_name, pe.first_names,
                   exists (select 1 from outbox o where o.aggregate_type = 'MOVE'
                             and o.aggregate_id = cast(m.id as varchar) and o.channel = 'CENTRAL'
                             and o.state not in ('CONFIRMED', 'DISCARDED')) pending_sync
            """;
    private static final String JOINS = """
            join location fl on fl.id = m.from_location_id
            left join location tl on tl.id = m.to_location_id
            join person pe on pe.id = m.person_id
            """;

    private static final String AFTER_PERSON = """
             join move m on m.person_id = pe.id
            join location fl on fl.id = m.from_location_id
            left join location tl on tl.id = m.to_location_id
            """;
    private static final String PERSON_FIRST = " from person pe" + AFTER_PERSON;

    private final NamedParameterJdbcTemplate jdbc;

    public MoveQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** As {@link #list(MoveFilter, int, int)}, after checking the operator may read moves. */
    public Page<MoveRow> list(Actor actor, MoveFilter f, int page, int size) {
        return list(actor, f, MoveSort.DEFAULT, page, size);
    }

    /** As {@link #list(MoveFilter, MoveSort, int, int)}, after checking the operator may read moves. */
    public Page<MoveRow> list(Actor actor, MoveFilter f, MoveSort sort, int page, int size) {
        Permissions.require(actor, "see moves", Permissions.MOVE_READERS);
        return list(f, sort, page, size);
    }

    /** As {@link #day(Set, LocalDate, int)}, after checking the operator may read moves. */
    public MoveDay day(Actor actor, Set<UUID> locationIds, LocalDate day, int limit) {
        Permissions.require(actor, "see moves", Permissions.MOVE_READERS);
        return day(locationIds, day, limit);
    }

    public List<MoveRow> search(Actor actor, String text, int limit) {
        Permissions.require(actor, "search moves", Permissions.MOVE_READERS);
        return search(text, limit);
    }

    public Optional<MoveDetail> detail(Actor actor, UUID moveId) {
        Permissions.require(actor, "see moves", Permissions.MOVE_READERS);
        return detail(moveId);
    }

    /** A page of moves, ordered by date, time due, reference. */
    public Page<MoveRow> list(MoveFilter f, int page, int size) {
        return list(f, MoveSort.DEFAULT, page, size);
    }

    /** A page of moves with the whole filtered list ordered by {@code sort} first (null = date and time). */
    public Page<MoveRow> list(MoveFilter f, MoveSort sort, int page, int size) {
        MoveSort order = sort == null ? MoveSort.DEFAULT : sort;
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        MapSqlParameterSource p = new MapSqlParameterSource();
        LocalDate from = f.from() == null ? LocalDate.of(1900, 1, 1) : f.from();
        LocalDate to = f.to() == null ? LocalDate.of(9999, 12, 31) : f.to();
        p.addValue("dfrom", from).addValue("dto", to);
        StringBuilder filters = new StringBuilder();
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            filters.append(" and m.status in (:statuses)");
            p.addValue("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.types() != null && !f.types().isEmpty()) {
            filters.append(" and m.move_type in (:types)");
            p.addValue("types", f.types().stream().map(Enum::name).toList());
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = clean(f.text());
            filters.append(" and (pe.prison_number = :exact or m.reference = :exact or pe.name_key like :prefix)");
            p.addValue("exact", t).addValue("prefix", t + "%");
        }
        String ids;
        if (f.locationIds() == null || f.locationIds().isEmpty()) {
            ids = "select id from move where move_date between :dfrom and :dto";
        } else {
            // the ids first, from two indexed lookups joined by UNION ALL (an OR makes H2 scan the
            // table); the second branch skips moves the first already has. Measured: the ids-first
            // form lets H2 join the rest by primary key (docs/bench/core.md).
            p.addValue("locs", new ArrayList<>(f.locationIds()));
            ids = "select id from move where from_location_id in (:locs) and move_date between :dfrom and :dto"
                    + " union all select id from move where to_location_id in (:locs) and move_date between :dfrom and :dto"
                    + " and from_location_id not in (:locs)";
        }
        // the date range again on m: without it H2 walks all of move in the ORDER BY index and
        // probes the ids for each row (1.5 s cold at 100,000 moves; docs/bench/ui.md)
        String body = " from (" + ids + ") ids join move m on m.id = ids.id " + JOINS
                + " where m.move_date between :dfrom and :dto" + filters;
        Long total = jdbc.queryForObject("select count(*)" + body, p, Long.class);
        p.addValue("limit", limit).addValue("offset", (long) Math.max(0, page) * limit);
        List<MoveRow> rows = jdbc.query(SELECT + body
                + " order by " + order.orderBy() + " limit :limit offset :offset",
                p, (rs, i) -> row(rs));
        return new PageImpl<>(rows, PageRequest.of(Math.max(0, page), limit), total == null ? 0 : total);
    }

    /**
     * One day's moves out of or into the given locations (all locations when empty or null):
     * the first {@code limit} rows by time due, the total and the count per status. Every read
     * starts from the {@code move_date} index, bounded to the day, so its cost follows the
     * day's moves, not the store's (a dashboard on a million moves reads about a thousand).
     */
    public MoveDay day(Set<UUID> locationIds, LocalDate day, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("day", day)
                .addValue("limit", Math.max(1, Math.min(limit, MAX_PAGE)));
        String where = " where m.move_date = :day";
        if (locationIds != null && !locationIds.isEmpty()) {
            // an OR is fine here: it filters the day's rows, it does not choose the index
            where += " and (m.from_location_id in (:locs) or m.to_location_id in (:locs))";
            p.addValue("locs", new ArrayList<>(locationIds));
        }
        Map<MoveStatus, Long> counts = new EnumMap<>(MoveStatus.class);
        for (MoveStatus status : MoveStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.query("select m.status, count(*) n from move m" + where + " group by m.status", p,
                rs -> {
                    counts.put(MoveStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<MoveRow> rows = jdbc.query(SELECT + " from move m " + JOINS + where
                + " order by m.time_due nulls last, m.reference nulls last, m.id limit :limit", p, (rs, i) -> row(rs));
        return new MoveDay(rows, total, counts);
    }

    /** By prison number, move reference or name prefix; newest dates first. */
    public List<MoveRow> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String t = clean(text);
        MapSqlParameterSource p = new MapSqlParameterSource("limit", Math.max(1, Math.min(limit, MAX_PAGE)));
        // H2 keeps the written join order around an outer join, so the selective table comes first
        String from;
        if (PRISON_NUMBER.matcher(t).matches()) {
            from = PERSON_FIRST + " where pe.prison_number = :t";
        } else if (REFERENCE.matcher(t).matches()) {
            from = " from move m " + JOINS + " where m.reference = :t";
        } else {
            // a range, not LIKE ?: H2 only turns a LIKE with a constant pattern into an index range.
            // A common surname prefix matches thousands of people: take only the first ones by
            // name_key, as many as the limit (H2 stops the index walk there), then their moves. Reading all of
            // them first cost 77 ms p95 at a tenth of the size (docs/bench/core.md).
            from = " from (select id from person where name_key >= :prefix and name_key < :prefixEnd"
                    + " order by name_key limit :people) sel join person pe on pe.id = sel.id" + AFTER_PERSON;
            p.addValue("prefix", t).addValue("prefixEnd", t + Character.MAX_VALUE)
                    .addValue("people", Math.max(1, Math.min(limit, MAX_PAGE)));
        }
        p.addValue("t", t);
        return jdbc.query(SELECT + from
                + " order by m.move_date desc nulls first, m.time_due limit :limit", p, (rs, i) -> row(rs));
    }

    public Optional<MoveDetail> detail(UUID moveId) {
        List<MoveDetail> found = jdbc.query(SELECT + """
                , m.central_id, m.version, m.person_id, pe.pnc_number, pe.date_of_birth, m.notes,
                  m.cancellation_reason, m.cancellation_comment, m.rejection_reason, m.rebooked_as, m.rebooked_from,
                  m.refreshed, m.created_at, m.updated_at
                from move m
                """ + JOINS + " where m.id = :id", new MapSqlParameterSource("id", moveId), (rs, i) -> new MoveDetail(
                row(rs), rs.getString("central_id"), rs.getLong("version"), rs.getObject("person_id", UUID.class),
                rs.getString("pnc_number"), rs.getObject("date_of_birth", LocalDate.class), rs.getString("notes"),
                rs.getString("cancellation_reason") == null ? null : CancellationReason.valueOf(rs.getString("cancellation_reason")),
                rs.getString("cancellation_comment"),
                rs.getString("rejection_reason") == null ? null : RejectionReason.valueOf(rs.getString("rejection_reason")),
                rs.getObject("rebooked_as", UUID.class), rs.getObject("rebooked_from", UUID.class),
                rs.getBoolean("refreshed"), instant(rs, "created_at"), instant(rs, "updated_at")));
        return found.stream().findFirst();
    }

    private static MoveRow row(ResultSet rs) throws SQLException {
        String last = rs.getString("last_name");
        return new MoveRow(rs.getObject("id", UUID.class), rs.getString("reference"),
                MoveStatus.valueOf(rs.getString("status")), MoveType.valueOf(rs.getString("move_type")),
                rs.getObject("move_date", LocalDate.class), rs.getObject("time_due", LocalTime.class),
                rs.getObject("from_location_id", UUID.class), rs.getString("from_title"),
                rs.getObject("to_location_id", UUID.class), rs.getString("to_title"), rs.getString("prison_number"),
                last == null ? null : last.toUpperCase(Locale.ROOT) + ", " + rs.getString("first_names"),
                rs.getBoolean("pending_sync"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clean(String text) {
        return text.trim().replace(",", " ").replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)
                .replace("%", "").replace("_", "");
    }
}
