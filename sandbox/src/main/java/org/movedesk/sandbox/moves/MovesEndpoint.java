package org.movedesk.sandbox.moves;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.http.ApiError;
import org.movedesk.sandbox.http.Bodies;
import org.movedesk.sandbox.http.Caller;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Includes;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Paging;
import org.movedesk.sandbox.http.Reply;
import org.movedesk.sandbox.http.Times;
import org.movedesk.sandbox.http.Validation;
import org.movedesk.sandbox.locations.Location;
import org.movedesk.sandbox.people.Profile;
import org.movedesk.sandbox.world.World;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@code GET/POST /api/moves}, {@code GET/PATCH /api/moves/{id}}. */
public final class MovesEndpoint {

    /** Upstream's lists, as in the contract; a bare "profile" is not in them ("profile.person" brings the profile too). */
    static final List<String> LIST_INCLUDES = List.of("from_location", "prison_transfer_reason",
            "profile.category", "profile.person", "profile.person.ethnicity", "profile.person.gender",
            "profile.person_escort_record", "profile.person_escort_record.flags", "supplier", "to_location",
            "important_events", "timeline_events", "prisoner_location_description");

    static final List<String> MOVE_INCLUDES = List.of("allocation", "court_hearings", "original_move",
            "prison_transfer_reason", "from_location", "to_location", "supplier", "profile.documents",
            "profile.category", "profile.person", "profile.person.gender", "profile.person.ethnicity",
            "profile.person_escort_record", "profile.person_escort_record.flags",
            "profile.person_escort_record.framework", "profile.person_escort_record.prefill_source",
            "profile.person_escort_record.responses", "profile.youth_risk_assessment", "important_events",
            "timeline_events", "timeline_events.eventable", "lodgings", "prisoner_location_description");

    /** Move types whose destination is decided later, so {@code to_location} may be left out. */
    private static final List<String> NO_DESTINATION_NEEDED = List.of("prison_recall", "video_remand");

    private final World world;

    public MovesEndpoint(World world) {
        this.world = world;
    }

    public Reply list(HttpCall call) {
        Includes includes = Includes.parse(call.param("include"), LIST_INCLUDES);
        List<Move> matching = new ArrayList<>(world.moves().all().stream().filter(MoveFilters.filter(call)).toList());
        matching.sort(MoveFilters.sort(call, world));
        Paging paging = Paging.of(call);
        ObjectNode document = MoveJson.document(paging.slice(matching), false, includes, world);
        paging.describe(document, call, matching.size());
        return Reply.jsonApi(200, document);
    }

    public Reply get(HttpCall call, String idText) {
        Includes includes = moveIncludes(call);
        Move move = find(idText);
        return Reply.jsonApi(200, MoveJson.document(List.of(move), true, includes, world));
    }

    public Reply create(HttpCall call, Caller caller) {
        Includes includes = moveIncludes(call);
        JsonNode data = Bodies.data(call, "moves");
        JsonNode a = Bodies.attributes(data);
        Validation problems = new Validation();

        String status = Optional.ofNullable(Json.text(a, "status")).orElse(Move.REQUESTED);
        if (!status.equals(Move.REQUESTED) && !status.equals(Move.PROPOSED)) {
            problems.add("Status must be requested or proposed when a move is created, was " + status,
                    "/data/attributes/status", "inclusion");
        }
        String moveType = Json.text(a, "move_type");
        if (moveType == null) {
            problems.add("Move type can't be blank", "/data/attributes/move_type", "blank");
        } else if (!Move.MOVE_TYPES.contains(moveType)) {
            problems.add("Move type is not included in the list", "/data/attributes/move_type", "inclusion");
        }
        LocalDate date = date(a, "date", problems);
        if (Json.text(a, "date") == null && !Move.PROPOSED.equals(status)) {
            problems.add("Date can't be blank", "/data/attributes/date", "blank");
        }
        LocalDate dateFrom = date(a, "date_from", problems);
        LocalDate dateTo = date(a, "date_to", problems);
        if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
            problems.add("Date to must be after date from", "/data/attributes/date_to", "invalid");
        }
        Instant timeDue = instant(a, "time_due", problems);
        LocalDate recallDate = date(a, "recall_date", problems);
        Boolean moveAgreed = bool(a, "move_agreed", problems);

        UUID fromId = Bodies.relationshipId(data, "from_location");
        UUID toId = Bodies.relationshipId(data, "to_location");
        if (fromId == null) {
            problems.add("From location can't be blank", "/data/relationships/from_location", "blank");
        }
        if (toId == null && moveType != null && !NO_DESTINATION_NEEDED.contains(moveType)) {
            problems.add("To location can't be blank", "/data/relationships/to_location", "blank");
        }
        problems.throwIfAny();

        Location from = location(fromId);
        Location to = toId == null ? null : location(toId);
        if (to != null && to.id().equals(from.id())) {
            throw ApiError.unprocessable("To location should be different to the from location",
                    "/data/relationships/to_location", "cannot_be_identical");
        }
        UUID profileId = Bodies.relationshipId(data, "profile");
        Profile profile = profileId == null ? null : world.people().profile(profileId)
                .orElseThrow(() -> ApiError.notFound("Couldn't find Profile with 'id'=" + profileId));

        if (Move.REQUESTED.equals(status) && profile != null) {
            rejectDuplicate(profile.personId(), from.id(), to == null ? null : to.id(), date, null);
        }

        Instant now = world.clock().instant();
        Move move = new Move(world.newId(), world.references().next(), now)
                .status(status).moveType(moveType).date(date).dateFrom(dateFrom).dateTo(dateTo).timeDue(timeDue)
                .recallDate(recallDate).additionalInformation(Json.text(a, "additional_information"))
                .moveAgreed(moveAgreed).moveAgreedBy(Json.text(a, "move_agreed_by"))
                .profile(profile == null ? null : profile.id(), profile == null ? null : profile.personId())
                .fromLocationId(from.id()).toLocationId(to == null ? null : to.id());
        record(move, Move.PROPOSED.equals(status) ? "MoveProposed" : "MoveRequested", now, caller, null, Map.of());
        world.moves().add(move);
        world.record(call.method(), call.path(), call.header("Idempotency-Key"), move.id().toString(), "move.create");
        return Reply.jsonApi(201, MoveJson.document(List.of(move), true, includes, world));
    }

    public Reply patch(HttpCall call, Caller caller, String idText) {
        Includes includes = moveIncludes(call);
        Move move = find(idText);
        JsonNode data = Bodies.data(call, "moves");
        JsonNode a = Bodies.attributes(data);
        Validation problems = new Validation();

        LocalDate date = a.has("date") ? date(a, "date", problems) : move.date();
        LocalDate dateFrom = a.has("date_from") ? date(a, "date_from", problems) : move.dateFrom();
        LocalDate dateTo = a.has("date_to") ? date(a, "date_to", problems) : move.dateTo();
        Instant timeDue = a.has("time_due") ? instant(a, "time_due", problems) : move.timeDue();
        LocalDate recallDate = a.has("recall_date") ? date(a, "recall_date", problems) : move.recallDate();
        Boolean moveAgreed = a.has("move_agreed") ? bool(a, "move_agreed", problems) : move.moveAgreed();
        if (date == null && !Move.PROPOSED.equals(move.status()) && !Move.CANCELLED.equals(move.status())) {
            problems.add("Date can't be blank", "/data/attributes/date", "blank");
        }
        if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
            problems.add("Date to must be after date from", "/data/attributes/date_to", "invalid");
        }
        String status = Json.text(a, "status");
        String cancellationReason = Json.text(a, "cancellation_reason");
        boolean cancelling = status != null && !status.equals(move.status());
        if (cancelling && !Move.CANCELLED.equals(status)) {
            problems.add("Status can only be changed to cancelled here; use the move event endpoints for the other changes",
                    "/data/attributes/status", "invalid");
        }
        if (cancelling && Move.CANCELLED.equals(status) && !MoveEventsEndpoint.CANCELLATION_REASONS.contains(cancellationReason)) {
            problems.add("Cancellation reason is not included in the list", "/data/attributes/cancellation_reason", "inclusion");
        }
        problems.throwIfAny();

        UUID profileId = move.profileId();
        UUID personId = move.personId();
        if (Bodies.hasRelationship(data, "profile")) {
            UUID requested = Bodies.relationshipId(data, "profile");
            if (requested != null) {
                Profile profile = world.people().profile(requested)
                        .orElseThrow(() -> ApiError.notFound("Couldn't find Profile with 'id'=" + requested));
                profileId = profile.id();
                personId = profile.personId();
            }
        }
        if (move.countsForDuplicates() && !cancelling) {
            rejectDuplicate(personId, move.fromLocationId(), move.toLocationId(), date, move.id());
        }

        Map<String, Object> changes = new LinkedHashMap<>();
        LocalDate oldDate = move.date();
        change(changes, "date", oldDate, date);
        change(changes, "date_from", move.dateFrom(), dateFrom);
        change(changes, "date_to", move.dateTo(), dateTo);
        change(changes, "time_due", move.timeDue(), timeDue);
        change(changes, "recall_date", move.recallDate(), recallDate);
        change(changes, "move_agreed", move.moveAgreed(), moveAgreed);
        if (a.has("additional_information")) {
            change(changes, "additional_information", move.additionalInformation(), Json.text(a, "additional_information"));
        }
        if (a.has("move_agreed_by")) {
            change(changes, "move_agreed_by", move.moveAgreedBy(), Json.text(a, "move_agreed_by"));
        }
        change(changes, "profile", move.profileId(), profileId);
        if (changes.isEmpty() && !cancelling) {
            return Reply.jsonApi(200, MoveJson.document(List.of(move), true, includes, world));
        }
        Instant now = world.clock().instant();
        move.date(date).dateFrom(dateFrom).dateTo(dateTo).timeDue(timeDue).recallDate(recallDate).moveAgreed(moveAgreed)
                .profile(profileId, personId).updatedAt(now);
        if (a.has("additional_information")) {
            move.additionalInformation(Json.text(a, "additional_information"));
        }
        if (a.has("move_agreed_by")) {
            move.moveAgreedBy(Json.text(a, "move_agreed_by"));
        }
        if (!changes.isEmpty()) {
            boolean onlyDate = changes.containsKey("date");
            record(move, onlyDate ? "MoveDateChanged" : "MoveUpdated", now, caller, null, changes);
        }
        if (cancelling) {
            move.status(Move.CANCELLED).cancellationReason(cancellationReason)
                    .cancellationReasonComment(Json.text(a, "cancellation_reason_comment"));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("cancellation_reason", cancellationReason);
            record(move, "MoveCancel", now, caller, null, details);
        }
        world.record(call.method(), call.path(), call.header("Idempotency-Key"), move.id().toString(), "move.update");
        return Reply.jsonApi(200, MoveJson.document(List.of(move), true, includes, world));
    }

    Move find(String idText) {
        try {
            UUID id = UUID.fromString(idText);
            return world.moves().byId(id).orElseThrow(() -> ApiError.notFound("Couldn't find Move with 'id'=" + idText));
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("Couldn't find Move with 'id'=" + idText);
        }
    }

    Location location(UUID id) {
        return world.locations().byId(id).orElseThrow(() -> ApiError.notFound("Couldn't find Location with 'id'=" + id));
    }

    /** 422 {@code taken} with {@code meta.existing_id}, as upstream answers a second booking of the same journey. */
    void rejectDuplicate(UUID personId, UUID from, UUID to, LocalDate date, UUID ignoring) {
        world.moves().duplicateOf(personId, from, to, date, ignoring).ifPresent(existing -> {
            ObjectNode meta = Json.object().put("existing_id", existing.id().toString());
            throw new ApiError(422, List.of(new ApiError.Item("Unprocessable entity", "Date has already been taken",
                    "/data/attributes/date", "taken", meta)));
        });
    }

    void record(Move move, String type, Instant occurredAt, Caller caller, String notes, Map<String, Object> details) {
        move.record(new TimelineEvent(world.newId(), type, occurredAt, world.clock().instant(), caller.clientId(), notes,
                Map.copyOf(withoutNulls(details)), world.nextEventSequence()));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v instanceof LocalDate || v instanceof UUID ? v.toString()
                        : v instanceof Instant i ? Times.rfc3339(i) : v);
            }
        });
        return copy;
    }

    private Includes moveIncludes(HttpCall call) {
        Includes includes = Includes.parse(call.param("include"), MOVE_INCLUDES);
        if (includes.has("timeline_events") && includes.has("important_events")) {
            throw ApiError.badRequest("timeline_events and important_events may not be included together");
        }
        return includes;
    }

    private static void change(Map<String, Object> changes, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(name, after);
        }
    }

    static LocalDate date(JsonNode a, String name, Validation problems) {
        String text = Json.text(a, name);
        LocalDate date = Times.parseDate(text);
        if (text != null && date == null) {
            problems.add(humanise(name) + " is not a date like 2026-05-17: " + text, "/data/attributes/" + name, "invalid");
        }
        return date;
    }

    private static Instant instant(JsonNode a, String name, Validation problems) {
        String text = Json.text(a, name);
        Instant instant = Times.parseInstant(text);
        if (text != null && instant == null) {
            problems.add(humanise(name) + " is not an RFC 3339 date-time: " + text, "/data/attributes/" + name, "invalid");
        }
        return instant;
    }

    private static Boolean bool(JsonNode a, String name, Validation problems) {
        JsonNode value = a.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        problems.add(humanise(name) + " must be true or false", "/data/attributes/" + name, "invalid");
        return null;
    }

    static String humanise(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
