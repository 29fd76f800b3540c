package org.movedesk.core.moves;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.hibernate.Session;
import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.MoveChanged;
import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.Tx;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.locations.Location;
import org.movedesk.core.locations.LocationRepository;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxRepository;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.core.people.CentralPeopleMerge;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.people.Profile;
import org.movedesk.core.people.ProfileRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies what the centre says about moves (used by sync, as SYSTEM). Never overwrites a field
 * whose local change is still unsent; a central status that the desk's queued transitions
 * cannot explain puts the first of them into CONFLICT for a person to resolve.
 */
@Service
public class MoveSyncService {

    private static final Set<OutboxState> UNSENT = EnumSet.of(OutboxState.PENDING, OutboxState.IN_FLIGHT,
            OutboxState.FAILED, OutboxState.CONFLICT);
    private static final Set<OutboxAction> STATUS_CHANGES = EnumSet.of(OutboxAction.APPROVE, OutboxAction.REJECT,
            OutboxAction.ACCEPT, OutboxAction.START, OutboxAction.COMPLETE, OutboxAction.CANCEL);

    private final MoveRepository moves;
    private final LocationRepository locations;
    private final PersonService people;
    private final ProfileRepository profiles;
    private final OutboxRepository outboxEntries;
    private final OutboxService outbox;
    private final HistoryRecorder history;
    private final AfterCommit afterCommit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Tx tx;
    private final Clock clock;
    private final EntityManager em;
    private final CentralPeopleMerge peopleMerge;

    public MoveSyncService(MoveRepository moves, LocationRepository locations, PersonService people,
                           ProfileRepository profiles, OutboxRepository outboxEntries, OutboxService outbox,
                           HistoryRecorder history, AfterCommit afterCommit, NamedParameterJdbcTemplate jdbc, Tx tx,
                           Clock clock, EntityManager em, CentralPeopleMerge peopleMerge) {
        this.em = em;
        this.peopleMerge = peopleMerge;
        this.moves = moves;
        this.locations = locations;
        this.people = people;
        this.profiles = profiles;
        this.outboxEntries = outboxEntries;
        this.outbox = outbox;
        this.history = history;
        this.afterCommit = afterCommit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** After a create is confirmed: the central id and reference of a move booked here. */
    public Move linkCentral(UUID moveId, String centralId, String reference) {
        if (centralId == null || centralId.isBlank()) {
            throw new ValidationException("centralId", "The centre's id of the move is missing.");
        }
        return tx.run(() -> "Move " + moveId + " changed while it was linked; it will be retried.", () -> {
            Move move = moves.findById(moveId).orElseThrow(() -> new NotFoundException("No move with id " + moveId));
            Optional<Move> other = moves.findByCentralId(centralId);
            if (other.isPresent() && !other.get().getId().equals(moveId)) {
                throw new ValidationException("centralId", "Central move " + centralId + " is already linked to local move "
                        + other.get().getId() + ".");
            }
            if (centralId.equals(move.getCentralId()) && Objects.equals(reference, move.getReference())) {
                return move;
            }
            String before = MoveService.snapshot(move);
            move.linkCentral(centralId, reference);
            move.setUpdatedAt(Times.now(clock));
            record(move, "move.linked", before, MoveService.snapshot(move), "central id " + centralId, HistoryEntry.SOURCE_SYNC);
            afterCommit.publish(new MoveChanged(moveId));
            return move;
        });
    }

    /**
     * A confirmed create in one transaction (one commit, not two): the central id on the move,
     * with its history entry, and the outbox entry CONFIRMED.
     */
    public Move linkCentralAndConfirm(long entryId, UUID moveId, String centralId, String reference) {
        return tx.run(() -> "Move " + moveId + " changed while it was linked; it will be retried.", () -> {
            Move m = linkCentral(moveId, centralId, reference);
            outbox.markConfirmed(entryId, centralId);
            return m;
        });
    }

    public ApplyOutcome applyCentral(Actor system, CentralMove c) {
        Permissions.require(system, "apply central moves", Role.SYSTEM);
        requireComplete(c);
        return tx.run(() -> "Move " + c.reference() + " changed locally while it was refreshed; it will be retried.", () -> {
            Optional<Location> from = locations.findById(c.fromLocationId());
            Optional<Location> to = c.toLocationId() == null ? Optional.empty() : locations.findById(c.toLocationId());
            if (from.isEmpty() || (c.toLocationId() != null && to.isEmpty())) {
                return ApplyOutcome.SKIPPED_UNKNOWN_LOCATION;
            }
            Optional<Move> existing = moves.findByCentralId(c.centralId());
            if (existing.isPresent()) {
                return update(system, existing.get(), c, to.orElse(null));
            }
            Person person = people.upsertFromCentralInTransaction(system, new PersonData(c.personCentralId(), c.prisonNumber(),
                    null, c.firstNames(), c.lastName(), c.dateOfBirth(), null, c.profileCentralId()));
            Optional<Move> rebook = moves.findUnlinkedRebooks(person.getId(), from.get().getId()).stream()
                    .filter(m -> Objects.equals(m.getDate(), c.date())
                            && Objects.equals(m.getTo() == null ? null : m.getTo().getId(), c.toLocationId()))
                    .findFirst();
            if (rebook.isPresent()) {
                Move m = rebook.get();
                m.linkCentral(c.centralId(), c.reference());
                ApplyOutcome o = update(system, m, c, to.orElse(null));
                return o == ApplyOutcome.CONFLICT ? o : ApplyOutcome.LINKED;
            }
            return insert(system, c, from.get(), to.orElse(null), person);
        });
    }

    private static void requireComplete(CentralMove c) {
        if (c == null || c.centralId() == null || c.status() == null || c.moveType() == null || c.fromLocationId() == null) {
            throw new ValidationException("centralMove", "A central move needs its id, status, type and from location: " + c);
        }
    }

    /**
     * One pulled page (up to 2000 moves) in one transaction, all of it or none, with the same
     * rules as {@link #applyCentral} move by move, but in bulk: the page's stored moves, their
     * unsent outbox entries, locations and people are each read with one query, new people and
     * moves go in as JDBC batches, and the page's history entries are chained in one append.
     */
    public List<ApplyOutcome> applyCentralPage(Actor system, List<CentralMove> page) {
        Permissions.require(system, "apply central moves", Role.SYSTEM);
        page.forEach(MoveSyncService::requireComplete);
        if (page.isEmpty()) {
            return List.of();
        }
        return tx.run(() -> "Moves changed locally while a page was refreshed; it will be retried.",
                () -> new CentralPageMerge(system).apply(page));
    }

    /** The bulk merge of one page; lives for one transaction. */
    private final class CentralPageMerge {

        private final Actor system;
        private final List<HistoryDraft> drafts = new ArrayList<>();

        CentralPageMerge(Actor system) {
            this.system = system;
        }

        List<ApplyOutcome> apply(List<CentralMove> page) {
            ApplyOutcome[] outcomes = new ApplyOutcome[page.size()];
            Set<UUID> locationIds = new HashSet<>();
            Set<String> centralIds = new LinkedHashSet<>();
            for (CentralMove c : page) {
                locationIds.add(c.fromLocationId());
                if (c.toLocationId() != null) {
                    locationIds.add(c.toLocationId());
                }
                centralIds.add(c.centralId());
            }
            Map<UUID, Location> known = new HashMap<>();
            locations.findAllById(locationIds).forEach(l -> known.put(l.getId(), l));
            Map<String, Move> stored = new HashMap<>();
            // ids first, through the unique index on central_id (H2 scans the table for the IN list of a join);
            // an empty cache then loads no entities at all
            List<UUID> storedIds = jdbc.queryForList("select id from move where central_id in (:ids)",
                    new MapSqlParameterSource("ids", centralIds), UUID.class);
            if (!storedIds.isEmpty()) {
                em.createQuery("select m from Move m join fetch m.from left join fetch m.to join fetch m.person"
                                + " left join fetch m.profile where m.id in :ids", Move.class)
                        .setParameter("ids", storedIds).getResultList().forEach(m -> stored.put(m.getCentralId(), m));
            }
            Map<String, List<OutboxEntry>> unsent = unsentOf(stored.values().stream().map(m -> m.getId().toString()).toList());

            Set<String> done = new HashSet<>();
            List<Integer> fresh = new ArrayList<>();
            for (int i = 0; i < outcomes.length; i++) {
                CentralMove c = page.get(i);
                Location from = known.get(c.fromLocationId());
                Location to = c.toLocationId() == null ? null : known.get(c.toLocationId());
                if (from == null || (c.toLocationId() != null && to == null)) {
                    outcomes[i] = ApplyOutcome.SKIPPED_UNKNOWN_LOCATION;
                } else if (!done.add(c.centralId())) {
                    outcomes[i] = ApplyOutcome.UNCHANGED; // the same move twice in one page: the first one counts
                } else if (stored.containsKey(c.centralId())) {
                    Move m = stored.get(c.centralId());
                    outcomes[i] = update(system, m, c, to, unsent.getOrDefault(m.getId().toString(), List.of()), drafts::add);
                } else {
                    fresh.add(i);
                }
            }
            if (!fresh.isEmpty()) {
                insertOrLink(page, fresh, known, outcomes);
            }
            em.flush();
            history.appendAll(drafts);
            return List.of(outcomes);
        }

        private Map<String, List<OutboxEntry>> unsentOf(List<String> moveIds) {
            Map<String, List<OutboxEntry>> byMove = new HashMap<>();
            if (moveIds.isEmpty()) {
                return byMove;
            }
            em.createQuery("select e from OutboxEntry e where e.channel = :channel and e.aggregateType = :type"
                            + " and e.aggregateId in :ids and e.state in :states order by e.seq", OutboxEntry.class)
                    .setParameter("channel", OutboxChannel.CENTRAL).setParameter("type", AggregateType.MOVE)
                    .setParameter("ids", moveIds).setParameter("states", UNSENT).getResultList()
                    .forEach(e -> byMove.computeIfAbsent(e.getAggregateId(), k -> new ArrayList<>()).add(e));
            return byMove;
        }

        private void insertOrLink(List<CentralMove> page, List<Integer> fresh, Map<UUID, Location> known,
                                  ApplyOutcome[] outcomes) {
            Map<String, PersonData> persons = new LinkedHashMap<>();
            for (int i : fresh) {
                CentralMove c = page.get(i);
                persons.putIfAbsent(c.personCentralId(), new PersonData(c.personCentralId(), c.prisonNumber(), null,
                        c.firstNames(), c.lastName(), c.dateOfBirth(), null, c.profileCentralId()));
            }
            CentralPeopleMerge.Resolved people = peopleMerge.upsertPage(system, persons.values());
            Map<UUID, List<Move>> rebooks = unlinkedRebooksOf(people, persons.keySet());
            Instant now = Times.now(clock);
            List<NewMoveRow> rows = new ArrayList<>();
            for (int i : fresh) {
                CentralMove c = page.get(i);
                Location from = known.get(c.fromLocationId());
                Location to = c.toLocationId() == null ? null : known.get(c.toLocationId());
                Person person = people.person(c.personCentralId());
                Optional<Move> rebook = rebooks.getOrDefault(person.getId(), List.of()).stream()
                        .filter(m -> m.getCentralId() == null && m.getFrom().getId().equals(from.getId())
                                && Objects.equals(m.getDate(), c.date())
                                && Objects.equals(m.getTo() == null ? null : m.getTo().getId(), c.toLocationId()))
                        .findFirst();
                if (rebook.isPresent()) {
                    Move m = rebook.get();
                    m.linkCentral(c.centralId(), c.reference());
                    List<OutboxEntry> unsent = unsentOf(List.of(m.getId().toString())).getOrDefault(m.getId().toString(),
                            List.of());
                    ApplyOutcome o = update(system, m, c, to, unsent, drafts::add);
                    outcomes[i] = o == ApplyOutcome.CONFLICT ? o : ApplyOutcome.LINKED;
                    continue;
                }
                Move m = new Move(UUID.randomUUID(), c.status(), c.moveType(), c.date(), c.timeDue(), from, to, person, null,
                        c.notes(), now);
                m.linkCentral(c.centralId(), c.reference());
                m.setCancellation(c.cancellationReason(), c.cancellationComment());
                m.setRejectionReason(c.rejectionReason());
                rows.add(new NewMoveRow(m, people.profileId(c.profileCentralId(), person.getId())));
                drafts.add(draft(system, m, "move.refreshed", null, MoveService.snapshot(m), null, HistoryEntry.SOURCE_CENTRAL));
                afterCommit.publish(new MoveChanged(m.getId()));
                outcomes[i] = ApplyOutcome.INSERTED;
            }
            em.flush();
            insertMoves(rows);
        }

        /** Proposed moves rebooked here and not yet known centrally, of the page's already stored people. */
        private Map<UUID, List<Move>> unlinkedRebooksOf(CentralPeopleMerge.Resolved people, Collection<String> personCentralIds) {
            List<UUID> ids = personCentralIds.stream().map(people::person).filter(em::contains).map(Person::getId).toList();
            Map<UUID, List<Move>> byPerson = new HashMap<>();
            if (ids.isEmpty()) {
                return byPerson;
            }
            em.createQuery("select m from Move m where m.centralId is null and m.rebookedFrom is not null"
                            + " and m.status = :proposed and m.person.id in :ids", Move.class)
                    .setParameter("proposed", MoveStatus.PROPOSED).setParameter("ids", ids).getResultList()
                    .forEach(m -> byPerson.computeIfAbsent(m.getPerson().getId(), k -> new ArrayList<>()).add(m));
            return byPerson;
        }
    }

    private record NewMoveRow(Move move, UUID profileId) {
    }

    private void insertMoves(List<NewMoveRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("insert into move (id, central_id, reference, status, move_type,"
                    + " move_date, time_due, from_location_id, to_location_id, person_id, profile_id, notes,"
                    + " cancellation_reason, cancellation_comment, rejection_reason, refreshed, version, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, 0, ?, ?)")) {
                for (NewMoveRow row : rows) {
                    Move m = row.move();
                    ps.setObject(1, m.getId());
                    ps.setString(2, m.getCentralId());
                    ps.setString(3, m.getReference());
                    ps.setString(4, m.getStatus().name());
                    ps.setString(5, m.getMoveType().name());
                    setNullable(ps, 6, m.getDate(), Types.DATE);
                    setNullable(ps, 7, m.getTimeDue(), Types.TIME);
                    ps.setObject(8, m.getFrom().getId());
                    setNullable(ps, 9, m.getTo() == null ? null : m.getTo().getId(), Types.NULL);
                    ps.setObject(10, m.getPerson().getId());
                    setNullable(ps, 11, row.profileId(), Types.NULL);
                    ps.setString(12, m.getNotes());
                    ps.setString(13, m.getCancellationReason() == null ? null : m.getCancellationReason().name());
                    ps.setString(14, m.getCancellationComment());
                    ps.setString(15, m.getRejectionReason() == null ? null : m.getRejectionReason().name());
                    ps.setObject(16, m.getCreatedAt().atOffset(ZoneOffset.UTC));
                    ps.setObject(17, m.getUpdatedAt().atOffset(ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static void setNullable(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else {
            ps.setObject(index, value);
        }
    }

    /**
     * Central id to local id of the still-refreshed moves leaving or reaching these locations, so
     * a pull can tell which of them left its window.
     */
    public Map<String, UUID> refreshedCentralMovesAt(Actor system, Collection<UUID> locationIds) {
        Permissions.require(system, "read refreshed moves", Role.SYSTEM);
        Map<String, UUID> ids = new HashMap<>();
        if (locationIds == null || locationIds.isEmpty()) {
            return ids;
        }
        // UNION ALL rather than OR: H2 scans the table for "a = ? or b = ?" over two indexes
        jdbc.query("select central_id, id from move where refreshed = true and central_id is not null"
                        + " and from_location_id in (:locs) union all select central_id, id from move where refreshed = true"
                        + " and central_id is not null and to_location_id in (:locs)",
                new MapSqlParameterSource("locs", new ArrayList<>(locationIds)),
                rs -> {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return ids;
    }

    /** Moves that left the refresh window are kept for history but marked as no longer refreshed. */
    public int markNotRefreshed(Collection<UUID> moveIds) {
        if (moveIds == null || moveIds.isEmpty()) {
            return 0;
        }
        return tx.run(() -> "Moves changed during the refresh; it will be retried.", () -> jdbc.update(
                "update move set refreshed = false, version = version + 1 where id in (:ids) and refreshed = true",
                new MapSqlParameterSource("ids", new ArrayList<>(moveIds))));
    }

    private ApplyOutcome insert(Actor system, CentralMove c, Location from, Location to, Person person) {
        Instant now = Times.now(clock);
        Profile profile = c.profileCentralId() == null ? null : profiles.findByCentralId(c.profileCentralId()).orElse(null);
        if (profile == null) {
            profile = profiles.findByPersonIdOrderByCreatedAtAsc(person.getId()).stream().findFirst().orElse(null);
        }
        Move m = new Move(UUID.randomUUID(), c.status(), c.moveType(), c.date(), c.timeDue(), from, to, person, profile,
                c.notes(), now);
        m.linkCentral(c.centralId(), c.reference());
        m.setCancellation(c.cancellationReason(), c.cancellationComment());
        m.setRejectionReason(c.rejectionReason());
        moves.save(m);
        record(system, m, "move.refreshed", null, MoveService.snapshot(m), null, HistoryEntry.SOURCE_CENTRAL);
        afterCommit.publish(new MoveChanged(m.getId()));
        return ApplyOutcome.INSERTED;
    }

    private ApplyOutcome update(Actor system, Move m, CentralMove c, Location to) {
        List<OutboxEntry> unsent = outboxEntries.findByChannelAndAggregateTypeAndAggregateIdAndStateInOrderBySeq(
                OutboxChannel.CENTRAL, AggregateType.MOVE, m.getId().toString(), UNSENT);
        return update(system, m, c, to, unsent, history::append);
    }

    /** @param unsent the move's CENTRAL outbox entries not yet confirmed, in order; @param historySink where entries go */
    private ApplyOutcome update(Actor system, Move m, CentralMove c, Location to, List<OutboxEntry> unsent,
                                Consumer<HistoryDraft> historySink) {
        Set<OutboxAction> pending = EnumSet.noneOf(OutboxAction.class);
        unsent.forEach(e -> pending.add(e.getAction()));
        String before = MoveService.snapshot(m);
        boolean keptLocal = false;
        boolean conflict = false;

        List<OutboxEntry> transitions = unsent.stream().filter(e -> STATUS_CHANGES.contains(e.getAction())).toList();
        if (transitions.isEmpty()) {
            if (m.getStatus() != c.status()) {
                m.setStatus(c.status());
            }
        } else if (c.status() != m.getStatus()) {
            keptLocal = true;
            if (!explainedByQueue(transitions, c.status())) {
                conflict = markConflict(system, m, transitions, c.status(), historySink);
            }
        }
        if (pending.contains(OutboxAction.APPROVE)) {
            keptLocal |= !Objects.equals(m.getDate(), c.date());
        } else {
            m.setDate(c.date());
        }
        if (pending.contains(OutboxAction.REDIRECT)) {
            keptLocal |= !Objects.equals(m.getTo(), to);
        } else {
            m.setTo(to);
        }
        if (pending.contains(OutboxAction.CANCEL) || pending.contains(OutboxAction.REJECT)) {
            keptLocal |= m.getCancellationReason() != c.cancellationReason();
        } else {
            m.setCancellation(c.cancellationReason(), c.cancellationComment());
            m.setRejectionReason(c.rejectionReason());
        }
        m.setMoveType(c.moveType());
        m.setTimeDue(c.timeDue());
        if (c.notes() != null) {
            m.setNotes(c.notes());
        }
        m.linkCentral(c.centralId(), c.reference());
        m.setRefreshed(true);
        String after = MoveService.snapshot(m);
        boolean changed = !before.equals(after);
        if (changed) {
            m.setUpdatedAt(Times.now(clock));
            historySink.accept(draft(system, m, "move.refreshed", before, after,
                    keptLocal ? "kept local changes still waiting to be sent" : null, HistoryEntry.SOURCE_CENTRAL));
            afterCommit.publish(new MoveChanged(m.getId()));
        }
        if (conflict) {
            return ApplyOutcome.CONFLICT;
        }
        if (keptLocal) {
            return ApplyOutcome.UPDATED_KEEPING_LOCAL;
        }
        return changed ? ApplyOutcome.UPDATED : ApplyOutcome.UNCHANGED;
    }

    /** The centre is at a status the queued transitions start from or pass through: nothing contradicts. */
    private static boolean explainedByQueue(List<OutboxEntry> transitions, MoveStatus central) {
        JsonNode first = Json.read(transitions.get(0).getPayload());
        if (first.hasNonNull("fromStatus") && MoveStatus.fromApi(first.get("fromStatus").asText()) == central) {
            return true;
        }
        for (OutboxEntry e : transitions) {
            JsonNode p = Json.read(e.getPayload());
            if (p.hasNonNull("toStatus") && MoveStatus.fromApi(p.get("toStatus").asText()) == central) {
                return true;
            }
        }
        return false;
    }

    private boolean markConflict(Actor system, Move m, List<OutboxEntry> transitions, MoveStatus central,
                                 Consumer<HistoryDraft> historySink) {
        OutboxEntry first = transitions.get(0);
        if (first.getState() == OutboxState.CONFLICT) {
            return true;
        }
        if (first.getState() == OutboxState.IN_FLIGHT) {
            // the push worker is sending it right now and reads the move back: it decides
            return false;
        }
        JsonNode p = Json.read(first.getPayload());
        ObjectNode local = Json.object();
        local.put("status", m.getStatus().apiValue());
        local.put("action", first.getAction().name());
        local.put("expectedStatus", p.path("toStatus").asText(null));
        ObjectNode remote = Json.object();
        remote.put("status", central.apiValue());
        outbox.markConflict(first.getId(), Json.write(local), Json.write(remote));
        historySink.accept(draft(system, m, "move.sync-conflict", Json.write(local), Json.write(remote),
                "The centre says " + central.label() + "; this desk queued " + first.getAction(), HistoryEntry.SOURCE_SYNC));
        return true;
    }

    private void record(Move m, String type, String before, String after, String notes, String source) {
        record(Actor.system("sync", null), m, type, before, after, notes, source);
    }

    private void record(Actor actor, Move m, String type, String before, String after, String notes, String source) {
        history.append(draft(actor, m, type, before, after, notes, source));
    }

    private HistoryDraft draft(Actor actor, Move m, String type, String before, String after, String notes, String source) {
        return HistoryDraft.of(actor, AggregateType.MOVE, m.getId().toString(), type)
                .occurredAt(Times.now(clock))
                .locations(m.getFrom().getId(), m.getTo() == null ? null : m.getTo().getId())
                .moveReference(m.getReference()).prisonNumber(m.getPerson().getPrisonNumber())
                .moveType(m.getMoveType()).status(m.getStatus()).before(before).after(after).notes(notes)
                .source(source).build();
    }
}
