package org.movedesk.core.history.explorer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxState;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The supervisor's history explorer: every recorded event (moves, people, restricted patients,
 * outbox decisions), filtered, newest first, keyset-paged; and the drill-down timelines of one
 * move or one person with field-level before/after.
 *
 * <p>How a page stays fast on millions of rows: one filter part "drives" the query and is read
 * through an index whose columns are that part followed by the page order (V30), so H2 walks the
 * index in page order and stops after one page; the other parts are checked on the rows it meets.
 * When several parts could drive, a capped count per candidate picks the narrowest. A part with
 * several values (two operators, a location as origin or destination) becomes one walk per value,
 * merged here.
 *
 * <p>Who sees what: SUPERVISOR and ADMIN see everyone's entries; any other operator sees only the
 * entries they recorded themselves, and asking for someone else's is refused.
 */
@Service
public class HistoryExplorer {

    public static final int MAX_PAGE = 500;
    /** Largest internal chunk (exports read in chunks of this size). */
    public static final int MAX_CHUNK = 5000;
    /** A candidate driver is counted up to this many rows; beyond it, "large" is all we need to know. */
    static final int ESTIMATE_CAP = 2000;
    /** A two-column walk is offered when the pair of parts needs at most this many walks. */
    static final int MAX_PAIR_WALKS = 4;

    static final String COLUMNS = "h.id, h.occurred_at, h.recorded_at, h.operator, h.desk_id, h.aggregate_type,"
            + " h.aggregate_id, h.location_id, h.to_location_id, h.move_reference, h.prison_number, h.event_type,"
            + " h.move_type, h.status, h.notes, h.source";
    private static final Comparator<ExplorerEntry> NEWEST_FIRST = Comparator
            .comparing(ExplorerEntry::occurredAt).thenComparingLong(ExplorerEntry::id).reversed();

    private final JdbcTemplate jdbc;

    public HistoryExplorer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The filter as this operator may run it: unchanged for SUPERVISOR and ADMIN, limited to the
     * operator's own entries for everyone else.
     *
     * @throws PermissionDeniedException when a non-supervisor asks for another operator's entries
     */
    public ExplorerFilter visibleTo(Actor actor, ExplorerFilter filter) {
        requireReader(actor);
        ExplorerFilter f = filter == null ? ExplorerFilter.all() : filter;
        if (seesEveryone(actor)) {
            return f;
        }
        if (!f.operators().isEmpty() && !f.operators().equals(Set.of(actor.username()))) {
            throw new PermissionDeniedException("Operator " + actor.username()
                    + " may not see what other operators did (needs the role SUPERVISOR or ADMIN).");
        }
        return f.onlyOperator(actor.username());
    }

    /** Any role may read history (its own entries at least); an operator with no role may not. */
    public static void requireReader(Actor actor) {
        Permissions.require(actor, "see the history", Role.values());
    }

    public static boolean seesEveryone(Actor actor) {
        return actor != null && actor.hasAny(Role.SUPERVISOR, Role.ADMIN);
    }

    /** One page, newest first, starting after {@code after} (null = the newest entry). */
    public ExplorerPage page(Actor actor, ExplorerFilter filter, HistoryCursor after, int size) {
        requireReader(actor);
        if (size < 1 || size > MAX_PAGE) {
            throw new ValidationException("size", "A page holds 1 to " + MAX_PAGE + " entries (" + size + " asked).");
        }
        return chunk(visibleTo(actor, filter), after, size);
    }

    /** Receives each chunk of an export; answers false to stop. */
    @FunctionalInterface
    public interface ChunkHandler {
        boolean accept(List<ExplorerEntry> chunk);
    }

    /**
     * Walks every entry of the filter, newest first, in chunks (flat memory however many rows
     * match). Used by the exports; the role rule is the same as for {@link #page}.
     *
     * @return the number of entries handed over
     */
    public long forEachChunk(Actor actor, ExplorerFilter filter, int chunkSize, ChunkHandler handler) {
        int size = Math.max(1, Math.min(chunkSize, MAX_CHUNK));
        ExplorerFilter f = visibleTo(actor, filter);
        Plan plan = plan(f);
        if (plan.branches().size() == 1) {
            return stream(f, plan.branches().get(0), size, handler);
        }
        // several walks to merge (a location as origin or destination): keyset chunks
        HistoryCursor cursor = null;
        long total = 0;
        while (true) {
            ExplorerPage p = chunk(f, cursor, size);
            if (!p.entries().isEmpty()) {
                total += p.entries().size();
                if (!handler.accept(p.entries())) {
                    return total;
                }
            }
            if (!p.hasNext()) {
                return total;
            }
            cursor = p.next();
        }
    }

    /**
     * One forward-only query in the walk's index order, read lazily (H2 hands rows over as it
     * walks the index instead of building the whole result first) and cut into chunks here.
     * Keyset chunks re-planned and re-seeked the index for every 5,000 rows: 39 s per million
     * rows at a tenth of the size (docs/bench/core.md).
     */
    private long stream(ExplorerFilter f, Branch b, int size, ChunkHandler handler) {
        List<Object> params = new ArrayList<>();
        String sql = "select " + COLUMNS + " " + b.from() + " where " + b.where(f, null, params)
                + " order by " + b.order();
        Long handed = jdbc.execute((ConnectionCallback<Long>) con -> {
            boolean wasLazy = lazy(con, null);
            lazy(con, true);
            try (PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(size);
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                long total = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    List<ExplorerEntry> chunk = new ArrayList<>(size);
                    while (rs.next()) {
                        chunk.add(entry(rs, null));
                        if (chunk.size() == size) {
                            total += size;
                            if (!handler.accept(withSyncState(chunk))) {
                                return total;
                            }
                            chunk = new ArrayList<>(size);
                        }
                    }
                    if (!chunk.isEmpty()) {
                        total += chunk.size();
                        handler.accept(withSyncState(chunk));
                    }
                }
                return total;
            } finally {
                lazy(con, wasLazy);
            }
        });
        return handed == null ? 0 : handed;
    }

    /** Reads (value null) or sets H2's lazy query execution for this connection; answers the setting read. */
    private static boolean lazy(Connection con, Boolean value) throws SQLException {
        try (Statement st = con.createStatement()) {
            if (value == null) {
                try (ResultSet rs = st.executeQuery("select setting_value from information_schema.settings"
                        + " where setting_name = 'LAZY_QUERY_EXECUTION'")) {
                    return rs.next() && Boolean.parseBoolean(rs.getString(1));
                }
            }
            st.execute("set lazy_query_execution " + value);
            return value;
        }
    }

    /** How many entries the filter matches (for a report's summary and an export's progress). */
    public long count(Actor actor, ExplorerFilter filter) {
        ExplorerFilter f = visibleTo(actor, filter);
        Plan plan = plan(f);
        if (plan.branches().size() == 1) {
            Branch b = plan.branches().get(0);
            List<Object> params = new ArrayList<>();
            String sql = "select count(*) " + b.from() + " where " + b.where(f, null, params);
            return jdbc.queryForObject(sql, Long.class, params.toArray());
        }
        // several walks (a location as origin or destination, several operators): count the distinct ids
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select count(distinct id) from (");
        for (int i = 0; i < plan.branches().size(); i++) {
            Branch b = plan.branches().get(i);
            sql.append(i == 0 ? "" : " union all ").append("select h.id ").append(b.from()).append(" where ")
                    .append(b.where(f, null, params));
        }
        sql.append(") u");
        return jdbc.queryForObject(sql.toString(), Long.class, params.toArray());
    }

    /** Every entry of one move, oldest first, with the fields each one changed. */
    public List<TimelineEntry> moveTimeline(Actor actor, UUID moveId) {
        requireReader(actor);
        if (moveId == null) {
            throw new ValidationException("moveId", "No move chosen.");
        }
        return timeline(actor, "h.aggregate_type = 'MOVE' and h.aggregate_id = ?", moveId.toString());
    }

    /** Every entry about one person (their record and all their moves), oldest first. */
    public List<TimelineEntry> personTimeline(Actor actor, String prisonNumber) {
        requireReader(actor);
        if (prisonNumber == null || prisonNumber.isBlank()) {
            throw new ValidationException("prisonNumber", "Enter the prison number of the person.");
        }
        return timeline(actor, "h.prison_number = ?", prisonNumber.trim().toUpperCase());
    }

    private List<TimelineEntry> timeline(Actor actor, String condition, String value) {
        ExplorerFilter own = visibleTo(actor, ExplorerFilter.all());
        List<Object> params = new ArrayList<>(List.of(value));
        String sql = "select " + COLUMNS + ", h.before_json, h.after_json from history h where " + condition;
        if (!own.operators().isEmpty()) {
            sql += " and h.operator = ?";
            params.add(own.operators().iterator().next());
        }
        sql += " order by h.occurred_at, h.id";
        List<Object[]> raw = jdbc.query(sql, (rs, i) -> new Object[] {entry(rs, null), rs.getString("before_json"),
                rs.getString("after_json")}, params.toArray());
        List<ExplorerEntry> entries = withSyncState(raw.stream().map(r -> (ExplorerEntry) r[0]).toList());
        List<TimelineEntry> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String before = (String) raw.get(i)[1];
            String after = (String) raw.get(i)[2];
            out.add(new TimelineEntry(entries.get(i), ChangePairs.of(before, after), before, after));
        }
        return out;
    }

    /** The central id of a local move, if sync has linked it (for the central timeline merge). */
    public java.util.Optional<String> centralMoveId(UUID moveId) {
        List<String> ids = jdbc.queryForList("select central_id from move where id = ?", String.class, moveId);
        return ids.isEmpty() || ids.get(0) == null ? java.util.Optional.empty() : java.util.Optional.of(ids.get(0));
    }

    // ---------------------------------------------------------------- planning and reading

    ExplorerPage chunk(ExplorerFilter f, HistoryCursor after, int size) {
        Plan plan = plan(f);
        Map<Long, ExplorerEntry> merged = new HashMap<>();
        for (Branch b : plan.branches()) {
            List<Object> params = new ArrayList<>();
            String sql = "select " + COLUMNS + " " + b.from() + " where " + b.where(f, after, params)
                    + " order by " + b.order() + " limit " + (size + 1);
            for (ExplorerEntry e : jdbc.query(sql, (rs, i) -> entry(rs, null), params.toArray())) {
                merged.putIfAbsent(e.id(), e);
            }
        }
        List<ExplorerEntry> rows = new ArrayList<>(merged.values());
        rows.sort(NEWEST_FIRST);
        boolean more = rows.size() > size;
        List<ExplorerEntry> page = withSyncState(more ? rows.subList(0, size) : rows);
        return new ExplorerPage(page, more ? page.get(page.size() - 1).cursor() : null);
    }

    /** H2's plan for each walk of a first page (tests check that the index delivers the order). */
    List<String> explain(ExplorerFilter f, int size) {
        List<String> plans = new ArrayList<>();
        for (Branch b : plan(f).branches()) {
            List<Object> params = new ArrayList<>();
            String sql = "explain select " + COLUMNS + " " + b.from() + " where " + b.where(f, null, params)
                    + " order by " + b.order() + " limit " + (size + 1);
            plans.add(jdbc.queryForObject(sql, String.class, params.toArray()));
        }
        return plans;
    }

    /** The walks to run for a filter: one per value of the narrowest part that can drive. */
    Plan plan(ExplorerFilter f) {
        List<List<Branch>> candidates = new ArrayList<>();
        if (f.aggregateId() != null) {
            candidates.add(List.of(Branch.on("ix_hx_aggregate", "aggregate_id", f.aggregateId(), Part.AGGREGATE)));
        }
        if (f.moveReference() != null) {
            candidates.add(List.of(Branch.on("ix_hx_reference", "move_reference", f.moveReference(), Part.REFERENCE)));
        }
        if (f.prisonNumber() != null) {
            candidates.add(List.of(Branch.on("ix_hx_person", "prison_number", f.prisonNumber(), Part.PERSON)));
        }
        if (f.text() != null) {
            // the longest word is usually the rarest
            String word = NoteWords.of(f.text()).stream().max(Comparator.comparingInt(String::length)).orElseThrow();
            // word + operator (V46): both common, rarely true together; the pair index holds exactly
            // their intersection, so the walk never meets a row it must skip for the operator
            if (!f.operators().isEmpty() && f.operators().size() <= MAX_PAIR_WALKS) {
                candidates.add(f.operators().stream().sorted().map(o -> Branch.wordOperator(word, o)).toList());
            }
            candidates.add(List.of(Branch.word(word)));
        }
        // pairs first: on a tie (both capped) the pair, never less narrow than either part, drives
        if (!f.statuses().isEmpty() && !f.moveTypes().isEmpty()
                && f.statuses().size() * f.moveTypes().size() <= MAX_PAIR_WALKS) {
            List<Branch> pairs = new ArrayList<>();
            for (String s : Branch.names(f.statuses())) {
                for (String t : Branch.names(f.moveTypes())) {
                    pairs.add(Branch.pair("ix_hx_status_type", "status", s, Part.STATUS, "move_type", t, Part.MOVE_TYPE));
                }
            }
            candidates.add(pairs);
        }
        if (!f.eventTypes().isEmpty() && !f.statuses().isEmpty()
                && f.eventTypes().size() * f.statuses().size() <= MAX_PAIR_WALKS) {
            List<Branch> pairs = new ArrayList<>();
            for (String e : f.eventTypes().stream().sorted().toList()) {
                for (String s : Branch.names(f.statuses())) {
                    pairs.add(Branch.pair("ix_hx_event_status", "event_type", e, Part.EVENT_TYPE, "status", s, Part.STATUS));
                }
            }
            candidates.add(pairs);
        }
        if (!f.operators().isEmpty()) {
            candidates.add(f.operators().stream().sorted()
                    .map(o -> Branch.on("ix_hx_operator", "operator", o, Part.OPERATOR)).toList());
        }
        if (!f.locationIds().isEmpty()) {
            List<Branch> branches = new ArrayList<>();
            for (UUID loc : f.locationIds()) {
                branches.add(Branch.on("ix_hx_from", "location_id", loc, Part.LOCATION));
                branches.add(Branch.on("ix_hx_to", "to_location_id", loc, Part.LOCATION));
            }
            candidates.add(branches);
        }
        if (!f.eventTypes().isEmpty()) {
            candidates.add(f.eventTypes().stream().sorted()
                    .map(t -> Branch.on("ix_hx_event", "event_type", t, Part.EVENT_TYPE)).toList());
        }
        if (!f.statuses().isEmpty()) {
            candidates.add(f.statuses().stream().sorted()
                    .map(s -> Branch.on("ix_hx_status", "status", s.name(), Part.STATUS)).toList());
        }
        if (!f.moveTypes().isEmpty()) {
            candidates.add(f.moveTypes().stream().sorted()
                    .map(t -> Branch.on("ix_hx_move_type", "move_type", t.name(), Part.MOVE_TYPE)).toList());
        }
        // a desk never drives (V45): a store holds mostly its own desk's entries, so the walk
        // that drives meets a desk match every few rows
        if (candidates.isEmpty()) {
            return new Plan(List.of(Branch.newest()));
        }
        if (candidates.size() == 1) {
            return new Plan(candidates.get(0));
        }
        List<Branch> best = null;
        long bestSize = Long.MAX_VALUE;
        for (List<Branch> c : candidates) {
            long estimate = 0;
            for (Branch b : c) {
                estimate += estimate(f, b);
            }
            if (estimate < bestSize) {
                best = c;
                bestSize = estimate;
            }
            if (estimate == 0) {
                break;
            }
        }
        return new Plan(best);
    }

    /** Rows the branch's index holds for its value in the date range, counted up to the cap. */
    private long estimate(ExplorerFilter f, Branch b) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(b.driverCondition(params));
        Branch.appendRange(where, b.timeColumn(), f, null, params);
        // index entries only: the note-word count needs no history row (the join cost 5-10 us a row)
        String from = b.part() == Part.TEXT ? "from history_note_word w use index (" + b.index() + ")" : b.from();
        return jdbc.queryForObject("select count(*) from (select 1 " + from + " where " + where + " limit "
                + ESTIMATE_CAP + ") c", Long.class, params.toArray());
    }

    record Plan(List<Branch> branches) {
    }

    enum Part { NONE, AGGREGATE, REFERENCE, PERSON, TEXT, OPERATOR, LOCATION, EVENT_TYPE, STATUS, MOVE_TYPE, DESK }

    /**
     * One index walk: the index, its equality value (or two, for a pair index such as
     * (status, move_type, ...)), and the page order that index delivers.
     */
    record Branch(String index, String column, Object value, Part part, String column2, Object value2, Part part2) {

        static Branch on(String index, String column, Object value, Part part) {
            return new Branch(index, column, value, part, null, null, Part.NONE);
        }

        static Branch pair(String index, String column, Object value, Part part, String column2, Object value2,
                           Part part2) {
            return new Branch(index, column, value, part, column2, value2, part2);
        }

        static Branch newest() {
            return on("ix_hx_newest", null, null, Part.NONE);
        }

        static Branch word(String word) {
            return on("ix_hnw_word", "word", word, Part.TEXT);
        }

        /** One note word by one operator, read from the note-word rows' own copy of the operator (V46). */
        static Branch wordOperator(String word, String operator) {
            return pair("ix_hnw_word_operator", "word", word, Part.TEXT, "operator", operator, Part.OPERATOR);
        }

        /** Whether this walk's index already holds the filter part (so it needs no further check). */
        boolean drives(Part p) {
            return part == p || part2 == p;
        }

        String from() {
            if (part == Part.TEXT) {
                return "from history_note_word w use index (" + index + ") inner join history h on h.id = w.history_id";
            }
            return "from history h use index (" + index + ")";
        }

        String timeColumn() {
            return part == Part.TEXT ? "w.occurred_at" : "h.occurred_at";
        }

        String order() {
            if (part == Part.TEXT) {
                return "w.word" + (column2 == null ? "" : ", w." + column2) + ", w.occurred_at desc, w.history_id desc";
            }
            if (column == null) {
                return "h.occurred_at desc, h.id desc";
            }
            return "h." + column + (column2 == null ? "" : ", h." + column2) + ", h.occurred_at desc, h.id desc";
        }

        String driverCondition(List<Object> params) {
            if (column == null) {
                return "1 = 1";
            }
            params.add(value);
            String alias = part == Part.TEXT ? "w." : "h.";
            if (column2 != null) {
                params.add(value2);
                return alias + column + " = ? and " + alias + column2 + " = ?";
            }
            return alias + column + " = ?";
        }

        String where(ExplorerFilter f, HistoryCursor after, List<Object> params) {
            StringBuilder w = new StringBuilder(driverCondition(params));
            appendRange(w, timeColumn(), f, after, params);
            if (after != null) {
                String idColumn = part == Part.TEXT ? "w.history_id" : "h.id";
                w.append(" and (").append(timeColumn()).append(" < ? or ").append(idColumn).append(" < ?)");
                params.add(odt(after.occurredAt()));
                params.add(after.id());
            }
            if (part != Part.LOCATION && !f.locationIds().isEmpty()) {
                w.append(" and (h.location_id in ").append(marks(f.locationIds().size()))
                        .append(" or h.to_location_id in ").append(marks(f.locationIds().size())).append(')');
                params.addAll(f.locationIds());
                params.addAll(f.locationIds());
            }
            in(w, params, "h.desk_id", drives(Part.DESK) ? Set.of() : f.deskIds());
            in(w, params, "h.operator", drives(Part.OPERATOR) ? Set.of() : f.operators());
            in(w, params, "h.event_type", drives(Part.EVENT_TYPE) ? Set.of() : f.eventTypes());
            in(w, params, "h.move_type", drives(Part.MOVE_TYPE) ? Set.of() : names(f.moveTypes()));
            in(w, params, "h.status", drives(Part.STATUS) ? Set.of() : names(f.statuses()));
            if (f.aggregateType() != null) {
                w.append(" and h.aggregate_type = ?");
                params.add(f.aggregateType().name());
            }
            eq(w, params, "h.aggregate_id", part == Part.AGGREGATE ? null : f.aggregateId());
            eq(w, params, "h.prison_number", part == Part.PERSON ? null : f.prisonNumber());
            eq(w, params, "h.move_reference", part == Part.REFERENCE ? null : f.moveReference());
            if (f.text() != null) {
                for (String word : NoteWords.of(f.text())) {
                    if (part == Part.TEXT && word.equals(value)) {
                        continue;
                    }
                    w.append(" and exists (select 1 from history_note_word x where x.word = ?"
                            + " and x.occurred_at = h.occurred_at and x.history_id = h.id)");
                    params.add(word);
                }
            }
            return w.toString();
        }

        static void appendRange(StringBuilder w, String column, ExplorerFilter f, HistoryCursor after,
                                List<Object> params) {
            if (f.from() != null) {
                w.append(" and ").append(column).append(" >= ?");
                params.add(odt(f.from()));
            }
            if (f.to() != null) {
                w.append(" and ").append(column).append(" < ?");
                params.add(odt(f.to()));
            }
            if (after != null) {
                // the index range: nothing newer than the cursor (the exact tie-break follows)
                w.append(" and ").append(column).append(" <= ?");
                params.add(odt(after.occurredAt()));
            }
        }

        private static void in(StringBuilder w, List<Object> params, String column, Collection<?> values) {
            if (values.isEmpty()) {
                return;
            }
            w.append(" and ").append(column).append(" in ").append(marks(values.size()));
            params.addAll(values);
        }

        private static void eq(StringBuilder w, List<Object> params, String column, Object value) {
            if (value != null) {
                w.append(" and ").append(column).append(" = ?");
                params.add(value);
            }
        }

        private static List<String> names(Collection<? extends Enum<?>> values) {
            return values.stream().map(Enum::name).sorted().toList();
        }

        private static String marks(int n) {
            return "(" + "?, ".repeat(n - 1) + "?)";
        }
    }

    /**
     * Every part of the filter as one SQL condition on {@code history h} (for aggregates, where
     * H2 picks the index itself). Apply {@link #visibleTo} first.
     */
    public static String conditions(ExplorerFilter f, List<Object> params) {
        return Branch.newest().where(f, null, params);
    }

    static OffsetDateTime odt(java.time.Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private List<ExplorerEntry> withSyncState(List<ExplorerEntry> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, OutboxState> states = new HashMap<>();
        long min = rows.stream().mapToLong(ExplorerEntry::id).min().orElse(0);
        long max = rows.stream().mapToLong(ExplorerEntry::id).max().orElse(0);
        if (max - min < 4L * rows.size()) {
            // dense ids (an export of a date range): one index range instead of many IN lists;
            // ids outside the page are simply not looked up below
            jdbc.query("select history_id, channel, state from outbox where history_id between ? and ?"
                    + " order by case channel when 'CENTRAL' then 0 else 1 end desc", rs -> {
                        states.put(rs.getLong(1), OutboxState.valueOf(rs.getString(3)));
                    }, min, max);
            return withStates(rows, states);
        }
        for (int start = 0; start < rows.size(); start += 1000) {
            List<ExplorerEntry> part = rows.subList(start, Math.min(rows.size(), start + 1000));
            List<Object> ids = new ArrayList<>(part.size());
            part.forEach(e -> ids.add(e.id()));
            // CENTRAL wins over TOPIC: what matters to a supervisor is whether the centre has it
            jdbc.query("select history_id, channel, state from outbox where history_id in " + Branch.marks(ids.size())
                    + " order by case channel when 'CENTRAL' then 0 else 1 end desc", rs -> {
                        states.put(rs.getLong(1), OutboxState.valueOf(rs.getString(3)));
                    }, ids.toArray());
        }
        return withStates(rows, states);
    }

    private static List<ExplorerEntry> withStates(List<ExplorerEntry> rows, Map<Long, OutboxState> states) {
        List<ExplorerEntry> out = new ArrayList<>(rows.size());
        for (ExplorerEntry e : rows) {
            out.add(new ExplorerEntry(e.id(), e.occurredAt(), e.recordedAt(), e.operator(), e.deskId(),
                    e.aggregateType(), e.aggregateId(), e.locationId(), e.toLocationId(), e.moveReference(),
                    e.prisonNumber(), e.eventType(), e.moveType(), e.status(), e.notes(), e.source(),
                    SyncState.of(e.source(), states.get(e.id()))));
        }
        return out;
    }

    /** One row read from {@link #COLUMNS}, by position (a label lookup per column per row showed up in the export's profile). */
    static ExplorerEntry entry(ResultSet rs, SyncState state) throws SQLException {
        String moveType = rs.getString(13);
        String status = rs.getString(14);
        return new ExplorerEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                rs.getString(5), AggregateType.valueOf(rs.getString(6)),
                rs.getString(7), rs.getObject(8, UUID.class),
                rs.getObject(9, UUID.class), rs.getString(10),
                rs.getString(11), rs.getString(12),
                moveType == null ? null : MoveType.valueOf(moveType), status == null ? null : MoveStatus.valueOf(status),
                rs.getString(15), rs.getString(16), state);
    }

    /** Titles of all known locations (a few hundred), for exports and reports. */
    public Map<UUID, String> locationTitles() {
        Map<UUID, String> titles = new LinkedHashMap<>();
        jdbc.query("select id, title from location", rs -> {
            titles.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
        return titles;
    }
}
