package org.movedesk.core.moves;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.ConcurrentEditException;
import org.movedesk.core.common.DuplicateMoveException;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.MoveChanged;
import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.Tx;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.locations.Location;
import org.movedesk.core.locations.LocationRepository;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxWriter;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonRepository;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.people.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Booking and every move transition. Each method checks the role, validates, applies the
 * state machine and stores, in one transaction, the change, a history entry, the CENTRAL
 * outbox entry and the TOPIC event; listeners hear {@link MoveChanged} after the commit.
 */
@Service
public class MoveService {

    public static final int MAX_NOTES = 4000;
    public static final int REBOOK_AFTER_DAYS = 7;
    private static final Set<MoveStatus> NOT_DUPLICATES = EnumSet.of(MoveStatus.CANCELLED, MoveStatus.PROPOSED);

    private final MoveRepository moves;
    private final LocationRepository locations;
    private final PersonRepository people;
    private final PersonService personService;
    private final HistoryRecorder history;
    private final OutboxWriter outbox;
    private final AfterCommit afterCommit;
    private final Tx tx;
    private final Clock clock;

    public MoveService(MoveRepository moves, LocationRepository locations, PersonRepository people,
                       PersonService personService, HistoryRecorder history, OutboxWriter outbox,
                       AfterCommit afterCommit, Tx tx, Clock clock) {
        this.moves = moves;
        this.locations = locations;
        this.people = people;
        this.personService = personService;
        this.history = history;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Roles per action (docs/core.md, role matrix). */
    public static Role[] rolesFor(MoveAction action) {
        return switch (action) {
            case ACCEPT, START, COMPLETE, LOCKOUT -> new Role[] {Role.PRISON_STAFF, Role.SUPPLIER};
            case APPROVE, REJECT, CANCEL, REDIRECT -> new Role[] {Role.PRISON_STAFF};
        };
    }

    public Move book(Actor actor, BookMove b) {
        Permissions.require(actor, "book moves", Role.PRISON_STAFF);
        validateBooking(b);
        return tx.run(() -> "Someone else booked a move for this person at the same time; check their moves and try again.", () -> {
            Person person = people.findById(b.personId()).orElseThrow(() ->
                    new NotFoundException("No person with id " + b.personId() + " is recorded at this desk."));
            Location from = location(b.fromId(), "fromId", "from");
            Location to = b.toId() == null ? null : location(b.toId(), "toId", "to");
            MoveStatus status = b.proposed() ? MoveStatus.PROPOSED : MoveStatus.REQUESTED;
            if (status != MoveStatus.PROPOSED) {
                refuseDuplicate(null, person, from, to, b.date());
            }
            Profile profile = personService.ensureProfileInTransaction(actor, person.getId());
            Instant now = Times.now(clock);
            Move move = new Move(UUID.randomUUID(), status, b.moveType(), b.date(), b.timeDue(), from, to, person,
                    profile, blankToNull(b.notes()), now);
            moves.save(move);
            ObjectNode payload = createPayload(move, now);
            record(actor, move, "move.booked", null, snapshot(move), move.getNotes(), now);
            outbox.append(actor, OutboxChannel.CENTRAL, AggregateType.MOVE, move.getId().toString(),
                    OutboxAction.CREATE_MOVE, Json.write(payload), now, now);
            publishTopic(actor, move, MoveEventMessages.BOOKED, now);
            afterCommit.publish(new MoveChanged(move.getId()));
            return move;
        });
    }

    public Move approve(Actor actor, UUID moveId, Long expectedVersion, LocalDate date, String notes) {
        Permissions.require(actor, "approve moves", rolesFor(MoveAction.APPROVE));
        checkNotes(notes);
        return transition(actor, moveId, expectedVersion, MoveAction.APPROVE, notes, move -> {
            LocalDate effective = date != null ? date : move.getDate();
            if (effective == null) {
                throw new ValidationException("date", "Enter the date of move " + move.label() + " before approving it.");
            }
            refuseDuplicate(move.getId(), move.getPerson(), move.getFrom(), move.getTo(), effective);
            move.setDate(effective);
        }, p -> p.put("date", date == null ? null : date.toString()));
    }

    public Move reject(Actor actor, UUID moveId, Long expectedVersion, RejectionReason reason, boolean rebook,
                       String notes) {
        Permissions.require(actor, "reject moves", rolesFor(MoveAction.REJECT));
        if (reason == null) {
            throw new ValidationException("rejectionReason", "Choose why the move is rejected.");
        }
        checkNotes(notes);
        UUID[] rebooked = new UUID[1];
        return transition(actor, moveId, expectedVersion, MoveAction.REJECT, notes, move -> {
            move.setRejectionReason(reason);
            move.setCancellation(CancellationReason.REJECTED, null);
            if (rebook) {
                rebooked[0] = rebook(actor, move);
            }
        }, p -> {
            p.put("rejectionReason", reason.apiValue());
            p.put("rebook", rebook);
            p.put("rebookedMoveId", rebooked[0] == null ? null : rebooked[0].toString());
        });
    }

    public Move accept(Actor actor, UUID moveId, Long expectedVersion, String notes) {
        return simple(actor, moveId, expectedVersion, MoveAction.ACCEPT, notes, "accept moves");
    }

    public Move start(Actor actor, UUID moveId, Long expectedVersion, String notes) {
        return simple(actor, moveId, expectedVersion, MoveAction.START, notes, "start moves");
    }

    public Move complete(Actor actor, UUID moveId, Long expectedVersion, String notes) {
        return simple(actor, moveId, expectedVersion, MoveAction.COMPLETE, notes, "complete moves");
    }

    public Move lockout(Actor actor, UUID moveId, Long expectedVersion, String notes) {
        return simple(actor, moveId, expectedVersion, MoveAction.LOCKOUT, notes, "record lockouts");
    }

    public Move cancel(Actor actor, UUID moveId, Long expectedVersion, CancellationReason reason, String comment) {
        Permissions.require(actor, "cancel moves", rolesFor(MoveAction.CANCEL));
        if (reason == null) {
            throw new ValidationException("cancellationReason", "Choose why the move is cancelled.");
        }
        checkNotes(comment);
        return transition(actor, moveId, expectedVersion, MoveAction.CANCEL, comment,
                move -> move.setCancellation(reason, blankToNull(comment)),
                p -> {
                    p.put("cancellationReason", reason.apiValue());
                    p.put("cancellationComment", blankToNull(comment));
                });
    }

    public Move redirect(Actor actor, UUID moveId, Long expectedVersion, UUID newToLocationId, String notes) {
        Permissions.require(actor, "redirect moves", rolesFor(MoveAction.REDIRECT));
        if (newToLocationId == null) {
            throw new ValidationException("toLocationId", "Choose the new destination.");
        }
        checkNotes(notes);
        return transition(actor, moveId, expectedVersion, MoveAction.REDIRECT, notes, move -> {
            Location to = location(newToLocationId, "toLocationId", "destination");
            if (to.getId().equals(move.getFrom().getId())) {
                throw new ValidationException("toLocationId",
                        "The new destination must differ from where the move starts (" + move.getFrom().getTitle() + ").");
            }
            if (move.getTo() != null && move.getTo().getId().equals(to.getId())) {
                throw new ValidationException("toLocationId", "Move " + move.label() + " is already going to " + to.getTitle() + ".");
            }
            move.setTo(to);
        }, p -> p.put("toLocationId", newToLocationId.toString()));
    }

    /** What the UI may offer this operator for this move (the service would refuse the rest). */
    public Set<MoveAction> allowedActions(Actor actor, Move move) {
        Set<MoveAction> allowed = EnumSet.noneOf(MoveAction.class);
        if (actor == null || move == null) {
            return allowed;
        }
        for (MoveAction a : MoveAction.values()) {
            if (actor.hasAny(rolesFor(a)) && MoveStateMachine.allows(move.getStatus(), a)) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    @Transactional(readOnly = true)
    public Move get(Actor actor, UUID moveId) {
        Permissions.require(actor, "see moves", Permissions.MOVE_READERS);
        return moves.findById(moveId).orElseThrow(() -> new NotFoundException("No move with id " + moveId));
    }

    private Move simple(Actor actor, UUID moveId, Long expectedVersion, MoveAction action, String notes, String what) {
        Permissions.require(actor, what, rolesFor(action));
        checkNotes(notes);
        return transition(actor, moveId, expectedVersion, action, notes, move -> { }, p -> { });
    }

    private Move transition(Actor actor, UUID moveId, Long expectedVersion, MoveAction action, String notes,
                            Consumer<Move> change, Consumer<ObjectNode> payloadExtras) {
        if (moveId == null) {
            throw new ValidationException("moveId", "No move chosen.");
        }
        return tx.run(() -> changedBySomeoneElse(moveId), () -> {
            Move move = moves.findById(moveId).orElseThrow(() -> new NotFoundException("No move with id " + moveId));
            if (expectedVersion != null && expectedVersion != move.getVersion()) {
                throw new ConcurrentEditException(conflictText(move.label()));
            }
            MoveStateMachine.check(move.label(), move.getStatus(), action);
            Instant now = Times.now(clock);
            MoveStatus fromStatus = move.getStatus();
            String before = snapshot(move);
            change.accept(move);
            move.setStatus(MoveStateMachine.target(action, fromStatus));
            move.setUpdatedAt(now);
            ObjectNode payload = Json.object();
            payload.put("moveId", move.getId().toString());
            payload.put("timestamp", now.toString());
            payload.put("notes", blankToNull(notes));
            payload.put("fromStatus", fromStatus.apiValue());
            payload.put("toStatus", move.getStatus().apiValue());
            payloadExtras.accept(payload);
            record(actor, move, action.historyType(), before, snapshot(move), notes, now);
            outbox.append(actor, OutboxChannel.CENTRAL, AggregateType.MOVE, move.getId().toString(),
                    action.outboxAction(), Json.write(payload), now, now);
            publishTopic(actor, move, action.eventType(), now);
            afterCommit.publish(new MoveChanged(move.getId()));
            return move;
        });
    }

    private UUID rebook(Actor actor, Move original) {
        Instant now = Times.now(clock);
        LocalDate date = original.getDate() == null ? null : original.getDate().plusDays(REBOOK_AFTER_DAYS);
        Move copy = new Move(UUID.randomUUID(), MoveStatus.PROPOSED, original.getMoveType(), date, original.getTimeDue(),
                original.getFrom(), original.getTo(), original.getPerson(), original.getProfile(), original.getNotes(), now);
        copy.setRebookedFrom(original.getId());
        moves.save(copy);
        original.setRebookedAs(copy.getId());
        // the centre creates its own rebooked move when it applies the reject; this local copy
        // waits to be linked to it by MoveSyncService (no CREATE_MOVE, which would duplicate it)
        record(actor, copy, "move.rebooked", null, snapshot(copy), "Rebooked from " + original.label(), now);
        afterCommit.publish(new MoveChanged(copy.getId()));
        return copy.getId();
    }

    private void publishTopic(Actor actor, Move move, String eventType, Instant now) {
        outbox.append(actor, OutboxChannel.TOPIC, AggregateType.MOVE, move.getId().toString(),
                OutboxAction.PUBLISH_EVENT, MoveEventMessages.publishPayload(eventType, now, move), now, now);
    }

    private void record(Actor actor, Move move, String eventType, String before, String after, String notes, Instant now) {
        history.append(HistoryDraft.of(actor, AggregateType.MOVE, move.getId().toString(), eventType)
                .occurredAt(now)
                .locations(move.getFrom().getId(), move.getTo() == null ? null : move.getTo().getId())
                .moveReference(move.getReference())
                .prisonNumber(move.getPerson().getPrisonNumber())
                .moveType(move.getMoveType())
                .status(move.getStatus())
                .before(before).after(after).notes(blankToNull(notes))
                .build());
    }

    static String snapshot(Move m) {
        ObjectNode n = Json.object();
        n.put("status", m.getStatus().apiValue());
        n.put("moveType", m.getMoveType().apiValue());
        n.put("date", m.getDate() == null ? null : m.getDate().toString());
        n.put("timeDue", m.getTimeDue() == null ? null : m.getTimeDue().toString());
        n.put("fromLocationId", m.getFrom().getId().toString());
        n.put("toLocationId", m.getTo() == null ? null : m.getTo().getId().toString());
        n.put("notes", m.getNotes());
        n.put("cancellationReason", m.getCancellationReason() == null ? null : m.getCancellationReason().apiValue());
        n.put("cancellationComment", m.getCancellationComment());
        n.put("rejectionReason", m.getRejectionReason() == null ? null : m.getRejectionReason().apiValue());
        n.put("reference", m.getReference());
        return Json.write(n);
    }

    private static ObjectNode createPayload(Move move, Instant now) {
        ObjectNode p = Json.object();
        p.put("moveId", move.getId().toString());
        p.put("timestamp", now.toString());
        p.put("personId", move.getPerson().getId().toString());
        p.put("profileId", move.getProfile() == null ? null : move.getProfile().getId().toString());
        p.put("moveType", move.getMoveType().apiValue());
        p.put("status", move.getStatus().apiValue());
        p.put("fromLocationId", move.getFrom().getId().toString());
        p.put("toLocationId", move.getTo() == null ? null : move.getTo().getId().toString());
        p.put("date", move.getDate() == null ? null : move.getDate().toString());
        p.put("timeDue", move.getTimeDue() == null ? null : move.getTimeDue().toString());
        p.put("notes", move.getNotes());
        return p;
    }

    private void validateBooking(BookMove b) {
        if (b == null) {
            throw new ValidationException("move", "Fill in the booking form.");
        }
        if (b.personId() == null) {
            throw new ValidationException("personId", "Choose the person to move.");
        }
        if (b.moveType() == null) {
            throw new ValidationException("moveType", "Choose the type of move.");
        }
        if (b.fromId() == null) {
            throw new ValidationException("fromId", "Choose where the move starts (from location is required).");
        }
        if (b.toId() == null && b.moveType().requiresToLocation()) {
            throw new ValidationException("toId", "Choose where the move goes (to location is required for a "
                    + b.moveType().apiValue().replace('_', ' ') + " move).");
        }
        if (b.toId() != null && b.toId().equals(b.fromId())) {
            throw new ValidationException("toId", "The to location must differ from the from location.");
        }
        if (b.date() == null && !b.proposed()) {
            throw new ValidationException("date", "Enter the date of the move (only a proposed move may leave it open).");
        }
        checkNotes(b.notes());
    }

    private void refuseDuplicate(UUID self, Person person, Location from, Location to, LocalDate date) {
        if (date == null) {
            return;
        }
        UUID selfId = self == null ? new UUID(0, 0) : self;
        List<Move> same = to == null
                ? moves.findActiveDuplicatesWithoutTo(person.getId(), from.getId(), date, NOT_DUPLICATES, selfId)
                : moves.findActiveDuplicates(person.getId(), from.getId(), to.getId(), date, NOT_DUPLICATES, selfId);
        if (!same.isEmpty()) {
            Move existing = same.get(0);
            String which = existing.getReference() != null ? existing.getReference()
                    : "not yet synced, local id " + existing.getId();
            throw new DuplicateMoveException(existing.getId(), existing.getReference(),
                    person + " already has a " + existing.getStatus().label() + " move from " + from.getTitle()
                            + (to == null ? "" : " to " + to.getTitle()) + " on " + date + " (" + which
                            + "); open that move instead of booking another.");
        }
    }

    private Location location(UUID id, String field, String what) {
        return locations.findById(id).orElseThrow(() ->
                new ValidationException(field, "The " + what + " location " + id + " is not known at this desk."));
    }

    private String changedBySomeoneElse(UUID moveId) {
        String label = moves.findById(moveId).map(Move::label).orElse(String.valueOf(moveId));
        return conflictText(label);
    }

    static String conflictText(String label) {
        return "Move " + label + " was changed by someone else; reload it and try again.";
    }

    private static void checkNotes(String notes) {
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new ValidationException("notes", "Notes can be at most " + MAX_NOTES + " characters (" + notes.length() + " given).");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
