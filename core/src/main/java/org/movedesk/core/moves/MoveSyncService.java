package org.movedesk.core.moves;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.people.Profile;
import org.movedesk.core.people.ProfileRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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

    public MoveSyncService(MoveRepository moves, LocationRepository locations, PersonService people,
                           ProfileRepository profiles, OutboxRepository outboxEntries, OutboxService outbox,
                           HistoryRecorder history, AfterCommit afterCommit, NamedParameterJdbcTemplate jdbc, Tx tx,
                           Clock clock) {
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

    public ApplyOutcome applyCentral(Actor system, CentralMove c) {
        Permissions.require(system, "apply central moves", Role.SYSTEM);
        if (c == null || c.centralId() == null || c.status() == null || c.moveType() == null || c.fromLocationId() == null) {
            throw new ValidationException("centralMove", "A central move needs its id, status, type and from location: " + c);
        }
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
                conflict = markConflict(system, m, transitions, c.status());
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
            record(system, m, "move.refreshed", before, after, keptLocal ? "kept local changes still waiting to be sent" : null,
                    HistoryEntry.SOURCE_CENTRAL);
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

    private boolean markConflict(Actor system, Move m, List<OutboxEntry> transitions, MoveStatus central) {
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
        record(system, m, "move.sync-conflict", Json.write(local), Json.write(remote),
                "The centre says " + central.label() + "; this desk queued " + first.getAction(), HistoryEntry.SOURCE_SYNC);
        return true;
    }

    private void record(Move m, String type, String before, String after, String notes, String source) {
        record(Actor.system("sync", null), m, type, before, after, notes, source);
    }

    private void record(Actor actor, Move m, String type, String before, String after, String notes, String source) {
        history.append(HistoryDraft.of(actor, AggregateType.MOVE, m.getId().toString(), type)
                .occurredAt(Times.now(clock))
                .locations(m.getFrom().getId(), m.getTo() == null ? null : m.getTo().getId())
                .moveReference(m.getReference()).prisonNumber(m.getPerson().getPrisonNumber())
                .moveType(m.getMoveType()).status(m.getStatus()).before(before).after(after).notes(notes)
                .source(source).build());
    }
}
