package org.movedesk.core.outbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.MoveChanged;
import org.movedesk.core.common.OutboxChanged;
import org.movedesk.core.common.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link OutboxService#markInFlight} and {@link OutboxService#markConfirmed} for a whole round of
 * entries at once: a few set-based statements in one transaction instead of a read and an
 * update per entry, for a worker that sends many entries per round (the SNS topic publisher
 * sends up to hundreds). The state rules are the single-entry ones; an entry that changed
 * meanwhile (for example discarded by an operator) is skipped, not an error, so one odd entry
 * never holds back the round. Bulk statements bypass the JPA persistence context: call these
 * in a transaction that has not loaded the entries as entities.
 */
@Service
public class OutboxBulkMarks {

    private static final Set<OutboxAction> LINKS_CENTRAL_ID =
            Set.of(OutboxAction.CREATE_MOVE, OutboxAction.CREATE_PERSON, OutboxAction.CREATE_PROFILE);

    private final NamedParameterJdbcTemplate jdbc;
    private final OutboxService outbox;
    private final AfterCommit afterCommit;
    private final Clock clock;

    public OutboxBulkMarks(NamedParameterJdbcTemplate jdbc, OutboxService outbox, AfterCommit afterCommit, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /**
     * Marks the entries that are still PENDING as IN_FLIGHT and counts an attempt for each.
     *
     * @return the ids that were marked, in the order given; the others are no longer to be sent
     */
    @Transactional
    public List<Long> markInFlight(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // One statement per id, sent as one JDBC batch: a primary-key lookup each. (An IN list
        // next to the state condition makes H2 walk every PENDING row of the channel instead.)
        OffsetDateTime now = now();
        List<Long> ordered = new ArrayList<>(ids);
        SqlParameterSource[] updates = ordered.stream()
                .map(id -> new MapSqlParameterSource("id", id).addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        int[] counts = jdbc.batchUpdate("""
                update outbox set state = 'IN_FLIGHT', attempts = attempts + 1, updated_at = :now, version = version + 1
                where id = :id and state = 'PENDING'""", updates);
        List<Long> marked = new ArrayList<>(ordered.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                marked.add(ordered.get(i));
            }
        }
        if (!marked.isEmpty()) {
            afterCommit.publish(new OutboxChanged());
        }
        return marked;
    }

    /**
     * Confirms the entries, storing each one's central id (null keeps none), clearing error and
     * retry time. Entries already CONFIRMED stay as they are and DISCARDED ones are skipped; a
     * create (which also stores the central id on its move, person or profile) goes through
     * {@link OutboxService#markConfirmed} one by one.
     *
     * @return how many entries are now confirmed by this call
     */
    @Transactional
    public int markConfirmed(Map<Long, String> centralIds) {
        if (centralIds.isEmpty()) {
            return 0;
        }
        List<Row> rows = jdbc.query("""
                        select id, action, aggregate_type, aggregate_id, state from outbox where id in (:ids)""",
                new MapSqlParameterSource("ids", centralIds.keySet()),
                (rs, i) -> new Row(rs.getLong(1), OutboxAction.valueOf(rs.getString(2)),
                        AggregateType.valueOf(rs.getString(3)), rs.getString(4), OutboxState.valueOf(rs.getString(5))));
        OffsetDateTime now = now();
        List<SqlParameterSource> updates = new ArrayList<>();
        Set<UUID> moves = new LinkedHashSet<>();
        int confirmed = 0;
        for (Row row : rows) {
            if (row.state() == OutboxState.CONFIRMED || row.state() == OutboxState.DISCARDED) {
                continue;
            }
            if (LINKS_CENTRAL_ID.contains(row.action())) {
                outbox.markConfirmed(row.id(), centralIds.get(row.id()));
                confirmed++;
                continue;
            }
            updates.add(new MapSqlParameterSource("id", row.id()).addValue("centralId", centralIds.get(row.id()))
                    .addValue("now", now));
            if (row.aggregateType() == AggregateType.MOVE) {
                moves.add(UUID.fromString(row.aggregateId()));
            }
        }
        if (!updates.isEmpty()) {
            int[] counts = jdbc.batchUpdate("""
                    update outbox set state = 'CONFIRMED', central_id = coalesce(:centralId, central_id),
                      next_attempt_at = null, error_status = null, error_code = null, error_title = null,
                      error_detail = null, error_pointer = null, updated_at = :now, version = version + 1
                    where id = :id and state not in ('CONFIRMED', 'DISCARDED')""",
                    updates.toArray(SqlParameterSource[]::new));
            for (int count : counts) {
                confirmed += Math.max(count, 0);
            }
            afterCommit.publish(new OutboxChanged());
            moves.forEach(id -> afterCommit.publish(new MoveChanged(id)));
        }
        return confirmed;
    }

    private OffsetDateTime now() {
        return Times.now(clock).atOffset(ZoneOffset.UTC);
    }

    private record Row(long id, OutboxAction action, AggregateType aggregateType, String aggregateId, OutboxState state) {
    }
}
