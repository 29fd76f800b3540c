package org.movedesk.core.history.stats;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.movedesk.core.history.explorer.ExplorerFilter;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Chart data for the supervisor screen and the PDF report, as SQL aggregates. Move charts (per
 * day, cancellations) read the move table: the filter's range is on the move date, plus its
 * locations (from or to), move types and statuses. Activity charts and booked-to-completed read
 * the history with the whole filter and the same who-sees-what rule as the explorer.
 */
@Service
public class HistoryStats {

    private static final Duration[] BUCKET_EDGES = {Duration.ZERO, Duration.ofHours(1), Duration.ofHours(6),
            Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30)};

    private final JdbcTemplate jdbc;
    private final HistoryExplorer explorer;

    public HistoryStats(JdbcTemplate jdbc, HistoryExplorer explorer) {
        this.jdbc = jdbc;
        this.explorer = explorer;
    }

    public List<DayStatusCount> movesPerDayByStatus(Actor actor, ExplorerFilter filter) {
        Permissions.require(actor, "see move charts", Permissions.MOVE_READERS);
        List<Object> params = new ArrayList<>();
        String where = moveConditions(filter, params);
        return jdbc.query("select m.move_date, m.status, count(*) from move m where " + where
                        + " group by m.move_date, m.status order by m.move_date, m.status",
                (rs, i) -> new DayStatusCount(rs.getObject(1, LocalDate.class), MoveStatus.valueOf(rs.getString(2)),
                        rs.getLong(3)), params.toArray());
    }

    public List<ReasonCount> cancellationsByReason(Actor actor, ExplorerFilter filter) {
        Permissions.require(actor, "see move charts", Permissions.MOVE_READERS);
        List<Object> params = new ArrayList<>();
        String where = moveConditions(filter, params);
        return jdbc.query("select case when m.rejection_reason is not null then 'rejected' else 'cancelled' end k,"
                        + " coalesce(m.rejection_reason, m.cancellation_reason, 'unknown') r, count(*) n from move m where "
                        + where + " and m.status = 'CANCELLED' group by k, r order by n desc, r",
                (rs, i) -> new ReasonCount(rs.getString(1), rs.getString(2).toLowerCase(), rs.getLong(3)),
                params.toArray());
    }

    public List<LabelCount> activityPerOperator(Actor actor, ExplorerFilter filter) {
        ExplorerFilter f = explorer.visibleTo(actor, filter);
        List<Object> params = new ArrayList<>();
        String where = HistoryExplorer.conditions(f, params);
        return jdbc.query("select h.operator, count(*) n from history h where " + where
                        + " group by h.operator order by n desc, h.operator",
                (rs, i) -> new LabelCount(rs.getString(1), rs.getString(1), rs.getLong(2)), params.toArray());
    }

    public List<LabelCount> activityPerLocation(Actor actor, ExplorerFilter filter) {
        ExplorerFilter f = explorer.visibleTo(actor, filter);
        List<Object> params = new ArrayList<>();
        String where = HistoryExplorer.conditions(f, params);
        Map<UUID, String> titles = explorer.locationTitles();
        return jdbc.query("select h.location_id, count(*) n from history h where " + where
                        + " and h.location_id is not null group by h.location_id order by n desc",
                (rs, i) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new LabelCount(id.toString(), titles.getOrDefault(id, id.toString()), rs.getLong(2));
                }, params.toArray());
    }

    /** Booked to completed, for the moves whose completion falls in the filter. */
    public DurationStats bookedToCompleted(Actor actor, ExplorerFilter filter) {
        ExplorerFilter f = explorer.visibleTo(actor, filter).toBuilder().eventType("move.completed").build();
        List<Object> params = new ArrayList<>();
        String where = HistoryExplorer.conditions(f, params);
        long[] seconds = jdbc.query("select datediff('SECOND', min(b.occurred_at), max(h.occurred_at)) from history h"
                        + " inner join history b on b.aggregate_id = h.aggregate_id and b.event_type = 'move.booked'"
                        + " where " + where + " group by h.aggregate_id",
                rs -> {
                    long[] values = new long[1024];
                    int n = 0;
                    while (rs.next()) {
                        if (n == values.length) {
                            values = Arrays.copyOf(values, n * 2);
                        }
                        values[n++] = Math.max(0, rs.getLong(1));
                    }
                    return Arrays.copyOf(values, n);
                }, params.toArray());
        Arrays.sort(seconds);
        List<DurationStats.Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < BUCKET_EDGES.length; b++) {
            Duration from = BUCKET_EDGES[b];
            Duration to = b + 1 < BUCKET_EDGES.length ? BUCKET_EDGES[b + 1] : null;
            long lo = from.toSeconds();
            long hi = to == null ? Long.MAX_VALUE : to.toSeconds();
            long count = Arrays.stream(seconds).filter(s -> s >= lo && s < hi).count();
            buckets.add(new DurationStats.Bucket(label(from, to), from, to, count));
        }
        return new DurationStats(seconds.length, pct(seconds, 50), pct(seconds, 90), pct(seconds, 95), pct(seconds, 99),
                seconds.length == 0 ? null : Duration.ofSeconds(seconds[seconds.length - 1]), buckets);
    }

    private static Duration pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return Duration.ofSeconds(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }

    private static String label(Duration from, Duration to) {
        return to == null ? "over " + human(from) : human(from) + " to " + human(to);
    }

    private static String human(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        return d.toHours() < 24 ? d.toHours() + " h" : d.toDays() + " d";
    }

    private static String moveConditions(ExplorerFilter f, List<Object> params) {
        StringBuilder w = new StringBuilder("1 = 1");
        ExplorerFilter filter = f == null ? ExplorerFilter.all() : f;
        if (filter.from() != null) {
            w.append(" and m.move_date >= ?");
            params.add(LocalDate.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            w.append(" and m.move_date < ?");
            params.add(LocalDate.ofInstant(filter.to().minusNanos(1), ZoneOffset.UTC).plusDays(1));
        }
        if (!filter.locationIds().isEmpty()) {
            String marks = "(" + "?, ".repeat(filter.locationIds().size() - 1) + "?)";
            w.append(" and (m.from_location_id in ").append(marks).append(" or m.to_location_id in ").append(marks).append(')');
            params.addAll(filter.locationIds());
            params.addAll(filter.locationIds());
        }
        if (!filter.moveTypes().isEmpty()) {
            w.append(" and m.move_type in (").append("?, ".repeat(filter.moveTypes().size() - 1)).append("?)");
            filter.moveTypes().forEach(t -> params.add(t.name()));
        }
        if (!filter.statuses().isEmpty()) {
            w.append(" and m.status in (").append("?, ".repeat(filter.statuses().size() - 1)).append("?)");
            filter.statuses().forEach(s -> params.add(s.name()));
        }
        return w.toString();
    }
}
