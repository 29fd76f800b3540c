package org.movedesk.sandbox.moves;

import com.fasterxml.jackson.databind.JsonNode;
import org.movedesk.sandbox.http.ApiError;
import org.movedesk.sandbox.http.Bodies;
import org.movedesk.sandbox.http.Caller;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Reply;
import org.movedesk.sandbox.http.Times;
import org.movedesk.sandbox.http.Validation;
import org.movedesk.sandbox.locations.Location;
import org.movedesk.sandbox.world.World;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/moves/{id}/{accept|approve|cancel|complete|lockouts|redirects|reject|start}}. A well-formed
 * event always gets 204 with no body, even when the move's status does not allow it and nothing changes:
 * that is upstream's behaviour, and the reason clients must re-read a move to confirm an effect.
 */
public final class MoveEventsEndpoint {

    /** Event path segment to the JSON:API type its body must carry. */
    public static final Map<String, String> BODY_TYPES = Map.of("accept", "accepts", "approve", "approves",
            "cancel", "cancels", "complete", "completes", "lockouts", "lockouts", "redirects", "redirects",
            "reject", "rejects", "start", "starts");

    static final List<String> CANCELLATION_REASONS = List.of("made_in_error", "supplier_declined_to_move", "rejected",
            "incomplete_per", "other", "cancelled_by_pmu", "allocation_cancelled", "case_not_court_ready",
            "combined_with_another_request", "court_closure", "court_no_capacity", "court_not_dda_compliant",
            "incorrect_collection_location", "incorrect_final_location", "list_received_after_5_pm",
            "operational_issues_prison", "police_transported_prisoner", "prison_transported_prisoner",
            "prisoner_no_longer_required", "prisoner_refusal", "prisoner_to_be_released_on_bail",
            "prisoner_unfit_to_travel", "ptr_unachievable", "receiver_unable_to_accept_prisoner",
            "sender_unable_to_fulfil_draft", "sender_cancelled_request", "supplier_no_resource", "tornado_event",
            "unsuitable_vehicle", "video_link_to_be_used");

    static final List<String> REJECTION_REASONS = List.of("no_space_at_receiving_prison", "no_transport_available",
            "more_info_required");

    private static final Set<String> ENDED = Set.of(Move.CANCELLED, Move.COMPLETED);

    private final World world;
    private final MovesEndpoint moves;

    public MoveEventsEndpoint(World world, MovesEndpoint moves) {
        this.world = world;
        this.moves = moves;
    }

    public static boolean isEvent(String segment) {
        return BODY_TYPES.containsKey(segment);
    }

    public Reply post(HttpCall call, Caller caller, String idText, String event) {
        Move move = moves.find(idText);
        JsonNode data = Bodies.data(call, BODY_TYPES.get(event));
        JsonNode a = Bodies.attributes(data);
        Validation problems = new Validation();
        String timestampText = Json.text(a, "timestamp");
        Instant timestamp = Times.parseInstant(timestampText);
        if (timestampText == null) {
            problems.add("Timestamp can't be blank", "/data/attributes/timestamp", "blank");
        } else if (timestamp == null) {
            problems.add("Timestamp is not an RFC 3339 date-time: " + timestampText, "/data/attributes/timestamp", "invalid");
        }
        String notes = Json.text(a, "notes");
        Map<String, Object> details = new LinkedHashMap<>();
        Runnable change = switch (event) {
            case "accept" -> when(move, Set.of(Move.REQUESTED), () -> move.status(Move.BOOKED));
            case "start" -> when(move, Set.of(Move.BOOKED), () -> move.status(Move.IN_TRANSIT));
            case "complete" -> when(move, Set.of(Move.IN_TRANSIT), () -> move.status(Move.COMPLETED));
            case "approve" -> approve(move, a, problems, details);
            case "cancel" -> cancel(move, a, problems, details);
            case "reject" -> reject(move, a, problems, details, caller, timestamp);
            case "lockouts" -> lockout(move, data, details);
            case "redirects" -> redirect(move, data, a, problems, details);
            default -> throw ApiError.notFound("No route matches " + call.path());
        };
        problems.throwIfAny();
        if (change != null) {
            change.run();
            Instant now = world.clock().instant();
            move.updatedAt(now);
            moves.record(move, eventType(event), timestamp, caller, notes, details);
            world.record(call.method(), call.path(), call.header("Idempotency-Key"), move.id().toString(), "move." + event);
        }
        return Reply.noContent();
    }

    /** The change to apply, or null when the move's status does not allow it (then nothing happens). */
    private static Runnable when(Move move, Set<String> from, Runnable change) {
        return from.contains(move.status()) ? change : null;
    }

    private Runnable approve(Move move, JsonNode a, Validation problems, Map<String, Object> details) {
        String text = Json.text(a, "date");
        LocalDate date = MovesEndpoint.date(a, "date", problems);
        if (text == null) {
            problems.add("Date can't be blank", "/data/attributes/date", "blank");
        }
        if (date == null || !Move.PROPOSED.equals(move.status())) {
            return null;
        }
        details.put("date", date.toString());
        moves.rejectDuplicate(move.personId(), move.fromLocationId(), move.toLocationId(), date, move.id());
        return () -> move.status(Move.REQUESTED).date(date);
    }

    private static Runnable cancel(Move move, JsonNode a, Validation problems, Map<String, Object> details) {
        String reason = Json.text(a, "cancellation_reason");
        if (reason == null) {
            problems.add("Cancellation reason can't be blank", "/data/attributes/cancellation_reason", "blank");
            return null;
        }
        if (!CANCELLATION_REASONS.contains(reason)) {
            problems.add("Cancellation reason is not included in the list", "/data/attributes/cancellation_reason", "inclusion");
            return null;
        }
        String comment = Json.text(a, "cancellation_reason_comment");
        details.put("cancellation_reason", reason);
        if (comment != null) {
            details.put("cancellation_reason_comment", comment);
        }
        if (Move.CANCELLED.equals(move.status())) {
            return null;
        }
        return () -> move.status(Move.CANCELLED).cancellationReason(reason).cancellationReasonComment(comment);
    }

    private Runnable reject(Move move, JsonNode a, Validation problems, Map<String, Object> details, Caller caller,
                            Instant timestamp) {
        String reason = Json.text(a, "rejection_reason");
        if (reason == null) {
            problems.add("Rejection reason can't be blank", "/data/attributes/rejection_reason", "blank");
            return null;
        }
        if (!REJECTION_REASONS.contains(reason)) {
            problems.add("Rejection reason is not included in the list", "/data/attributes/rejection_reason", "inclusion");
            return null;
        }
        JsonNode rebookNode = a.get("rebook");
        boolean rebook = rebookNode != null && (rebookNode.asBoolean(false) || "true".equals(rebookNode.asText()));
        String comment = Json.text(a, "cancellation_reason_comment");
        details.put("rejection_reason", reason);
        details.put("rebook", rebook);
        if (!Move.PROPOSED.equals(move.status()) && !Move.REQUESTED.equals(move.status())) {
            return null;
        }
        return () -> {
            move.status(Move.CANCELLED).cancellationReason("rejected").rejectionReason(reason)
                    .cancellationReasonComment(comment);
            if (rebook) {
                rebook(move, caller, timestamp);
            }
        };
    }

    /** Upstream's rebook: a new proposed move for the same person and route, a week later. */
    private void rebook(Move original, Caller caller, Instant timestamp) {
        Instant now = world.clock().instant();
        LocalDate base = original.date() != null ? original.date() : original.dateFrom() != null ? original.dateFrom() : world.today();
        Move copy = new Move(world.newId(), world.references().next(), now)
                .status(Move.PROPOSED).moveType(original.moveType()).dateFrom(base.plusDays(7))
                .dateTo(original.dateTo() == null ? null : original.dateTo().plusDays(7))
                .profile(original.profileId(), original.personId())
                .fromLocationId(original.fromLocationId()).toLocationId(original.toLocationId())
                .additionalInformation(original.additionalInformation());
        moves.record(copy, "MoveProposed", timestamp == null ? now : timestamp, caller, "Rebooked from " + original.reference(),
                Map.of("original_move_id", original.id().toString()));
        world.moves().add(copy);
    }

    private Runnable lockout(Move move, JsonNode data, Map<String, Object> details) {
        UUID fromId = Bodies.relationshipId(data, "from_location");
        if (fromId != null) {
            Location from = moves.location(fromId);
            details.put("from_location", from.key());
        }
        return ENDED.contains(move.status()) ? null : () -> { };
    }

    private Runnable redirect(Move move, JsonNode data, JsonNode a, Validation problems, Map<String, Object> details) {
        UUID toId = Bodies.relationshipId(data, "to_location");
        String moveType = Json.text(a, "move_type");
        if (toId == null) {
            problems.add("To location can't be blank", "/data/relationships/to_location", "blank");
        }
        if (moveType != null && !Move.MOVE_TYPES.contains(moveType)) {
            problems.add("Move type is not included in the list", "/data/attributes/move_type", "inclusion");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Location to = moves.location(toId);
        if (to.id().equals(move.fromLocationId())) {
            throw ApiError.unprocessable("To location should be different to the from location",
                    "/data/relationships/to_location", "cannot_be_identical");
        }
        details.put("to_location", to.key());
        if (moveType != null) {
            details.put("move_type", moveType);
        }
        if (ENDED.contains(move.status())) {
            return null;
        }
        return () -> {
            move.toLocationId(to.id());
            if (moveType != null) {
                move.moveType(moveType);
            }
        };
    }

    private static String eventType(String event) {
        return switch (event) {
            case "accept" -> "MoveAccept";
            case "approve" -> "MoveApprove";
            case "cancel" -> "MoveCancel";
            case "complete" -> "MoveComplete";
            case "lockouts" -> "MoveLockout";
            case "redirects" -> "MoveRedirect";
            case "reject" -> "MoveReject";
            case "start" -> "MoveStart";
            default -> throw new IllegalArgumentException(event);
        };
    }
}
