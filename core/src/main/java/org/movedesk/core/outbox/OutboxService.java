package org.movedesk.core.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.IllegalTransitionException;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.MoveChanged;
import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.OutboxChanged;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.Tx;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sync module's view of the outbox: which entries may go now, and recording what happened
 * to them. Ordering rules (SYNC.md): strictly by seq within channel+aggregate; an open entry
 * (not CONFIRMED/DISCARDED) holds back the later ones of its aggregate only.
 */
@Service
public class OutboxService {

    static final String SYNC_OPERATOR = "sync";

    /*
     * Head of each channel+aggregate, PENDING and due, plus the dependencies the centre imposes:
     * a move's events need its central id; a person's profile needs the person's central id;
     * CREATE_MOVE needs the person's and the profile's central ids.
     */
    private static final String READY_SQL = """
            select o.id from outbox o
            where o.channel = :channel and o.state = 'PENDING'
              and (o.next_attempt_at is null or o.next_attempt_at <= :now)
              and not exists (select 1 from outbox p
                              where p.channel = o.channel and p.aggregate_type = o.aggregate_type
                                and p.aggregate_id = o.aggregate_id and p.seq < o.seq
                                and p.state not in ('CONFIRMED', 'DISCARDED'))
              and (o.channel <> 'CENTRAL'
                   or (o.aggregate_type = 'MOVE' and o.action <> 'CREATE_MOVE' and exists (
                         select 1 from move m where m.id = ${MOVE_ID} and m.central_id is not null))
                   or (o.aggregate_type = 'MOVE' and o.action = 'CREATE_MOVE' and exists (
                         select 1 from move m join person pe on pe.id = m.person_id
                           left join profile pr on pr.id = m.profile_id
                         where m.id = ${MOVE_ID} and pe.central_id is not null
                           and (m.profile_id is null or pr.central_id is not null)))
                   or (o.aggregate_type = 'PERSON' and o.action = 'CREATE_PERSON')
                   or (o.aggregate_type = 'PERSON' and o.action <> 'CREATE_PERSON' and exists (
                         select 1 from person pe where pe.id = ${PERSON_ID} and pe.central_id is not null))
                   or o.aggregate_type not in ('MOVE', 'PERSON'))
            order by o.id
            limit :max
            """
            // CASE: the uuid cast must never be evaluated for a PATIENT aggregate (a prisoner number)
            .replace("${MOVE_ID}", "case when o.aggregate_type = 'MOVE' then cast(o.aggregate_id as uuid) end")
            .replace("${PERSON_ID}", "case when o.aggregate_type = 'PERSON' then cast(o.aggregate_id as uuid) end");

    private final OutboxRepository outbox;
    private final HistoryRecorder history;
    private final NamedParameterJdbcTemplate jdbc;
    private final AfterCommit afterCommit;
    private final Tx tx;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    public OutboxService(OutboxRepository outbox, HistoryRecorder history, NamedParameterJdbcTemplate jdbc,
                         AfterCommit afterCommit, Tx tx, Clock clock) {
        this.outbox = outbox;
        this.history = history;
        this.jdbc = jdbc;
        this.afterCommit = afterCommit;
        this.tx = tx;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<OutboxEntry> nextReady(OutboxChannel channel, int max, Instant now) {
        List<Long> ids = jdbc.queryForList(READY_SQL, new MapSqlParameterSource()
                .addValue("channel", channel.name()).addValue("now", now.atOffset(java.time.ZoneOffset.UTC))
                .addValue("max", Math.max(1, max)), Long.class);
        return ids.isEmpty() ? List.of() : outbox.findAllById(ids).stream()
                .sorted(java.util.Comparator.comparingLong(OutboxEntry::getId)).toList();
    }

    @Transactional(readOnly = true)
    public OutboxEntry get(long id) {
        return outbox.findById(id).orElseThrow(() -> new NotFoundException("No outbox entry " + id));
    }

    @Transactional
    public OutboxEntry markInFlight(long id) {
        OutboxEntry e = get(id);
        expect(e, OutboxState.PENDING);
        e.countAttempt();
        e.setState(OutboxState.IN_FLIGHT, Times.now(clock));
        afterCommit.publish(new OutboxChanged());
        return e;
    }

    /**
     * The centre has the effect. For a create, its central id is stored on the move, person or
     * profile too, which unblocks the entries waiting for it.
     */
    @Transactional
    public OutboxEntry markConfirmed(long id, String centralId) {
        OutboxEntry e = get(id);
        if (e.getState() == OutboxState.CONFIRMED) {
            return e;
        }
        if (e.getState() == OutboxState.DISCARDED) {
            throw new IllegalTransitionException("Outbox entry " + id + " was discarded; it cannot be confirmed.");
        }
        Instant now = Times.now(clock);
        e.setState(OutboxState.CONFIRMED, now);
        e.setError(null);
        e.setNextAttemptAt(null);
        if (centralId != null) {
            e.setCentralId(centralId);
            linkCreated(e, centralId);
        }
        afterCommit.publish(new OutboxChanged());
        if (e.getAggregateType() == AggregateType.MOVE) {
            afterCommit.publish(new MoveChanged(UUID.fromString(e.getAggregateId())));
        }
        return e;
    }

    private void linkCreated(OutboxEntry e, String centralId) {
        switch (e.getAction()) {
            case CREATE_MOVE -> em.createNativeQuery(
                            "update move set central_id = ?1, version = version + 1 where id = ?2 and central_id is null")
                    .setParameter(1, centralId).setParameter(2, UUID.fromString(e.getAggregateId())).executeUpdate();
            case CREATE_PERSON -> em.createNativeQuery(
                            "update person set central_id = ?1, version = version + 1 where id = ?2 and central_id is null")
                    .setParameter(1, centralId).setParameter(2, UUID.fromString(e.getAggregateId())).executeUpdate();
            case CREATE_PROFILE -> {
                JsonNode p = Json.read(e.getPayload());
                if (p.hasNonNull("profileId")) {
                    em.createNativeQuery("update profile set central_id = ?1 where id = ?2 and central_id is null")
                            .setParameter(1, centralId).setParameter(2, UUID.fromString(p.get("profileId").asText()))
                            .executeUpdate();
                }
            }
            default -> {
            }
        }
    }

    /** Unknown outcome (5xx, timeout): try again later with the same key. */
    @Transactional
    public OutboxEntry scheduleRetry(long id, Instant next, SyncError error) {
        return scheduleRetry(id, next, error, true);
    }

    /**
     * As {@link #scheduleRetry(long, Instant, SyncError)}; {@code countAttempt = false} takes back the
     * attempt {@link #markInFlight} counted, for answers where the centre did not look at the request
     * (429 Retry-After, a paused queue, a key rotation before resending).
     */
    @Transactional
    public OutboxEntry scheduleRetry(long id, Instant next, SyncError error, boolean countAttempt) {
        OutboxEntry e = get(id);
        expectOpen(e);
        if (!countAttempt) {
            e.uncountAttempt();
        }
        e.setState(OutboxState.PENDING, Times.now(clock));
        e.setNextAttemptAt(next);
        e.setError(error);
        afterCommit.publish(new OutboxChanged());
        return e;
    }

    @Transactional
    public OutboxEntry markFailed(long id, SyncError error) {
        OutboxEntry e = get(id);
        expectOpen(e);
        e.setState(OutboxState.FAILED, Times.now(clock));
        e.setError(error);
        afterCommit.publish(new OutboxChanged());
        return e;
    }

    @Transactional
    public OutboxEntry markConflict(long id, String local, String remote) {
        OutboxEntry e = get(id);
        expectOpen(e);
        e.setState(OutboxState.CONFLICT, Times.now(clock));
        e.setConflict(local, remote);
        afterCommit.publish(new OutboxChanged());
        return e;
    }

    /** A new idempotency key, only once the old one is proven to have had no effect; history records it. */
    @Transactional
    public OutboxEntry rotateKey(long id, String why) {
        OutboxEntry e = get(id);
        expectOpen(e);
        UUID old = e.getIdempotencyKey();
        UUID fresh = e.rotateKey();
        e.setState(e.getState(), Times.now(clock));
        recordOnAggregate(Actor.system(SYNC_OPERATOR, null), e, "outbox.key-rotated",
                "{\"idempotencyKey\":\"" + old + "\"}", "{\"idempotencyKey\":\"" + fresh + "\"}", why,
                HistoryEntry.SOURCE_SYNC);
        return e;
    }

    /** A person gives up on an entry: it will never be sent. History says who and why. */
    public OutboxEntry discard(Actor actor, long id, String why) {
        requireOperatorOfQueue(actor, "discard unsent changes");
        if (why == null || why.isBlank()) {
            throw new ValidationException("why", "Say why this change is discarded; the history keeps the reason.");
        }
        return tx.run(() -> "Outbox entry " + id + " changed meanwhile; reload and try again.", () -> {
            OutboxEntry e = get(id);
            expect(e, OutboxState.FAILED, OutboxState.CONFLICT, OutboxState.PENDING);
            discardOne(actor, e, why);
            return e;
        });
    }

    /** FAILED → PENDING, optionally with an edited payload (then with a fresh key: it is a new request). */
    public OutboxEntry resend(Actor actor, long id, String editedPayload) {
        requireOperatorOfQueue(actor, "resend changes");
        if (editedPayload != null) {
            Json.read(editedPayload);
        }
        return tx.run(() -> "Outbox entry " + id + " changed meanwhile; reload and try again.", () -> {
            OutboxEntry e = get(id);
            expect(e, OutboxState.FAILED);
            String before = e.getPayload();
            Instant now = Times.now(clock);
            if (editedPayload != null && !editedPayload.equals(before)) {
                e.setPayload(editedPayload);
                e.rotateKey();
            }
            e.setError(null);
            e.setNextAttemptAt(null);
            e.setState(OutboxState.PENDING, now);
            recordOnAggregate(actor, e, "outbox.resent", before, e.getPayload(), null, HistoryEntry.SOURCE_LOCAL);
            afterCommit.publish(new OutboxChanged());
            return e;
        });
    }

    /** Conflict resolved in the desk's favour: send it again (same key; sync proves first whether it had an effect). */
    public OutboxEntry keepMine(Actor actor, long id) {
        requireOperatorOfQueue(actor, "resolve conflicts");
        return tx.run(() -> "Outbox entry " + id + " changed meanwhile; reload and try again.", () -> {
            OutboxEntry e = get(id);
            expect(e, OutboxState.CONFLICT);
            e.setState(OutboxState.PENDING, Times.now(clock));
            e.setNextAttemptAt(null);
            recordOnAggregate(actor, e, "outbox.kept-mine", e.getConflictRemote(), e.getConflictLocal(), null,
                    HistoryEntry.SOURCE_LOCAL);
            afterCommit.publish(new OutboxChanged());
            return e;
        });
    }

    /**
     * Conflict resolved in the centre's favour: the entry and every later open CENTRAL entry of
     * the same aggregate are discarded (they were built on the local state that lost), and a
     * move takes the central status recorded in the conflict (ADR 0012).
     */
    public List<OutboxEntry> takeTheirs(Actor actor, long id) {
        requireOperatorOfQueue(actor, "resolve conflicts");
        return tx.run(() -> "Outbox entry " + id + " changed meanwhile; reload and try again.", () -> {
            OutboxEntry e = get(id);
            expect(e, OutboxState.CONFLICT);
            List<OutboxEntry> discarded = new ArrayList<>();
            discardOne(actor, e, "Took the central version");
            discarded.add(e);
            for (OutboxEntry later : outbox.findByChannelAndAggregateTypeAndAggregateIdAndSeqGreaterThanAndStateInOrderBySeq(
                    e.getChannel(), e.getAggregateType(), e.getAggregateId(), e.getSeq(),
                    EnumSet.of(OutboxState.PENDING, OutboxState.FAILED, OutboxState.CONFLICT))) {
                discardOne(actor, later, "Depended on outbox entry " + e.getId() + ", resolved by taking the central version");
                discarded.add(later);
            }
            if (e.getAggregateType() == AggregateType.MOVE) {
                applyRemoteStatus(e);
                afterCommit.publish(new MoveChanged(UUID.fromString(e.getAggregateId())));
            }
            return discarded;
        });
    }

    private void applyRemoteStatus(OutboxEntry e) {
        if (e.getConflictRemote() == null) {
            return;
        }
        JsonNode remote;
        try {
            remote = Json.read(e.getConflictRemote());
        } catch (IllegalArgumentException notJson) {
            return;
        }
        if (remote != null && remote.hasNonNull("status")) {
            String status = org.movedesk.core.moves.MoveStatus.fromApi(remote.get("status").asText()).name();
            em.flush();
            em.createNativeQuery("update move set status = ?1, version = version + 1, updated_at = ?2 where id = ?3")
                    .setParameter(1, status).setParameter(2, Times.now(clock))
                    .setParameter(3, UUID.fromString(e.getAggregateId())).executeUpdate();
        }
    }

    /** Start-up: whatever was in flight when the desk stopped goes again, with the same key. */
    @Transactional
    public int resetInFlight() {
        int n = outbox.resetInFlight();
        if (n > 0) {
            afterCommit.publish(new OutboxChanged());
        }
        return n;
    }

    @Transactional(readOnly = true)
    public OutboxCounts counts() {
        return new OutboxCounts(outbox.countByState(OutboxState.PENDING) + outbox.countByState(OutboxState.IN_FLIGHT),
                outbox.countByState(OutboxState.IN_FLIGHT), outbox.countByState(OutboxState.FAILED),
                outbox.countByState(OutboxState.CONFLICT));
    }

    /** Entries in a state (null = all), oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxView> list(OutboxState state, int limit) {
        PageRequest page = PageRequest.of(0, Math.max(1, limit));
        List<OutboxEntry> rows = state == null ? outbox.findAllByOrderByIdAsc(page) : outbox.findByStateOrderByIdAsc(state, page);
        return rows.stream().map(this::view).toList();
    }

    /** All entries of one aggregate (both channels), in order. */
    @Transactional(readOnly = true)
    public List<OutboxEntry> forAggregate(AggregateType type, String aggregateId) {
        return outbox.findByAggregateTypeAndAggregateIdOrderByChannelAscSeqAsc(type, aggregateId);
    }

    private OutboxView view(OutboxEntry e) {
        String label = switch (e.getAggregateType()) {
            case MOVE -> jdbc.query("select coalesce(reference, 'not yet synced') from move where id = :id",
                    new MapSqlParameterSource("id", UUID.fromString(e.getAggregateId())),
                    rs -> rs.next() ? "Move " + rs.getString(1) : "Move " + e.getAggregateId());
            case PERSON -> jdbc.query("select last_name || ', ' || first_names || coalesce(' (' || prison_number || ')', '')"
                            + " from person where id = :id",
                    new MapSqlParameterSource("id", UUID.fromString(e.getAggregateId())),
                    rs -> rs.next() ? rs.getString(1) : "Person " + e.getAggregateId());
            case PATIENT -> "Restricted patient " + e.getAggregateId();
            default -> e.getAggregateType() + " " + e.getAggregateId();
        };
        return new OutboxView(e.getId(), e.getChannel(), e.getAggregateType(), e.getAggregateId(), label, e.getSeq(),
                e.getAction(), e.getState(), e.getAttempts(), e.getOccurredAt(), e.getNextAttemptAt(), e.getErrorStatus(),
                e.getErrorCode(), e.getErrorTitle(), e.getErrorDetail(), e.getConflictLocal(), e.getConflictRemote(),
                e.getIdempotencyKey(), e.getCreatedBy());
    }

    private void discardOne(Actor actor, OutboxEntry e, String why) {
        e.setState(OutboxState.DISCARDED, Times.now(clock));
        recordOnAggregate(actor, e, "outbox.discarded", null,
                "{\"action\":\"" + e.getAction() + "\",\"seq\":" + e.getSeq() + "}", why, HistoryEntry.SOURCE_LOCAL);
        afterCommit.publish(new OutboxChanged());
    }

    private void recordOnAggregate(Actor actor, OutboxEntry e, String eventType, String before, String after, String notes,
                                   String source) {
        HistoryDraft.Builder d = HistoryDraft.of(actor, e.getAggregateType(), e.getAggregateId(), eventType)
                .before(before).after(after)
                .notes((notes == null ? "" : notes + " - ") + "outbox entry " + e.getId() + " (" + e.getAction() + ")")
                .source(source);
        if (e.getAggregateType() == AggregateType.MOVE) {
            jdbc.query("select reference, from_location_id, to_location_id from move where id = :id",
                    new MapSqlParameterSource("id", UUID.fromString(e.getAggregateId())), rs -> {
                        if (rs.next()) {
                            d.moveReference(rs.getString(1)).locations(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class));
                        }
                        return null;
                    });
        } else if (e.getAggregateType() == AggregateType.PATIENT) {
            d.prisonNumber(e.getAggregateId());
        }
        history.append(d.build());
    }

    private static void requireOperatorOfQueue(Actor actor, String what) {
        Permissions.require(actor, what, Role.PRISON_STAFF, Role.SUPERVISOR, Role.ADMIN, Role.RP_TRANSFER, Role.RP_REMOVE,
                Role.RP_MIGRATE);
    }

    private static void expect(OutboxEntry e, OutboxState... allowed) {
        for (OutboxState s : allowed) {
            if (e.getState() == s) {
                return;
            }
        }
        throw new IllegalTransitionException("Outbox entry " + e.getId() + " (" + e.getAction() + ") is " + e.getState()
                + "; expected " + java.util.Arrays.toString(allowed) + ".");
    }

    private static void expectOpen(OutboxEntry e) {
        if (!e.getState().isOpen()) {
            throw new IllegalTransitionException("Outbox entry " + e.getId() + " is already " + e.getState() + ".");
        }
    }

    /**
     * Counts of one channel only: sync's status shows the CENTRAL queue (actions for the central
     * APIs); TOPIC entries (events published for other services) are not the operator's pending changes.
     */
    @Transactional(readOnly = true)
    public OutboxCounts countsForChannel(OutboxChannel channel) {
        java.util.Map<String, Long> byState = new java.util.HashMap<>();
        jdbc.query("select state, count(*) from outbox where channel = :channel and state in ('PENDING', 'IN_FLIGHT',"
                        + " 'FAILED', 'CONFLICT') group by state", new MapSqlParameterSource("channel", channel.name()),
                rs -> {
                    byState.put(rs.getString(1), rs.getLong(2));
                });
        long inFlight = byState.getOrDefault(OutboxState.IN_FLIGHT.name(), 0L);
        return new OutboxCounts(byState.getOrDefault(OutboxState.PENDING.name(), 0L) + inFlight, inFlight,
                byState.getOrDefault(OutboxState.FAILED.name(), 0L), byState.getOrDefault(OutboxState.CONFLICT.name(), 0L));
    }

    // ---- push worker batches (sync's push side; kept apart from the single-entry methods above) ----

    /**
     * Push: claims a batch of ready entries in one transaction (one commit instead of one per
     * entry), as {@link #markInFlight} would one by one. Entries no longer PENDING (discarded or
     * resent by a person since they were read) are left out. Returns the claimed ones, in id order.
     */
    @Transactional
    public List<OutboxEntry> markInFlightForPush(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = Times.now(clock);
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry e : outbox.findAllById(ids)) {
            if (e.getState() == OutboxState.PENDING) {
                e.countAttempt();
                e.setState(OutboxState.IN_FLIGHT, now);
                claimed.add(e);
            }
        }
        claimed.sort(java.util.Comparator.comparingLong(OutboxEntry::getId));
        if (!claimed.isEmpty()) {
            afterCommit.publish(new OutboxChanged());
        }
        return claimed;
    }

    /**
     * Push: claimed entries that were never sent (the queue paused, the worker stopped) go back to
     * PENDING with their keys, the claim's attempt not counted.
     */
    @Transactional
    public int releaseUnsentForPush(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = Times.now(clock);
        int released = 0;
        for (OutboxEntry e : outbox.findAllById(ids)) {
            if (e.getState() == OutboxState.IN_FLIGHT) {
                e.uncountAttempt();
                e.setState(OutboxState.PENDING, now);
                released++;
            }
        }
        if (released > 0) {
            afterCommit.publish(new OutboxChanged());
        }
        return released;
    }
}
