package org.movedesk.sandbox.moves;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.http.Includes;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Times;
import org.movedesk.sandbox.locations.LocationJson;
import org.movedesk.sandbox.people.PeopleJson;
import org.movedesk.sandbox.people.Person;
import org.movedesk.sandbox.people.Profile;
import org.movedesk.sandbox.world.World;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Moves and timeline events in the Moves API v2 JSON:API shape, with {@code included} built from the include list. */
public final class MoveJson {

    private MoveJson() {
    }

    public static ObjectNode resource(Move move, boolean withTimeline) {
        ObjectNode node = Json.object();
        node.put("id", move.id().toString());
        node.put("type", "moves");
        ObjectNode a = node.putObject("attributes");
        a.put("reference", move.reference());
        a.put("status", move.status());
        a.put("move_type", move.moveType());
        a.put("date", Times.date(move.date()));
        a.put("date_from", Times.date(move.dateFrom()));
        a.put("date_to", Times.date(move.dateTo()));
        a.put("time_due", Times.rfc3339(move.timeDue()));
        a.put("additional_information", move.additionalInformation());
        if (move.moveAgreed() == null) {
            a.putNull("move_agreed");
        } else {
            a.put("move_agreed", move.moveAgreed());
        }
        a.put("move_agreed_by", move.moveAgreedBy());
        a.put("cancellation_reason", move.cancellationReason());
        a.put("cancellation_reason_comment", move.cancellationReasonComment());
        a.put("recall_date", Times.date(move.recallDate()));
        a.put("created_at", Times.rfc3339(move.createdAt()));
        a.put("updated_at", Times.rfc3339(move.updatedAt()));
        ObjectNode rel = node.putObject("relationships");
        rel.set("profile", PeopleJson.profileReference(move.profileId()));
        rel.set("from_location", LocationJson.reference(move.fromLocationId()));
        rel.set("to_location", LocationJson.reference(move.toLocationId()));
        if (withTimeline) {
            ArrayNode events = rel.putObject("timeline_events").putArray("data");
            move.timeline().forEach(e -> events.addObject().put("type", "events").put("id", e.id().toString()));
        }
        return node;
    }

    public static ObjectNode event(Move move, TimelineEvent event) {
        ObjectNode node = Json.object();
        node.put("id", event.id().toString());
        node.put("type", "events");
        ObjectNode a = node.putObject("attributes");
        a.put("event_type", event.eventType());
        a.put("occurred_at", Times.rfc3339(event.occurredAt()));
        a.put("recorded_at", Times.rfc3339(event.recordedAt()));
        a.put("created_by", event.createdBy());
        if (event.notes() != null) {
            a.put("notes", event.notes());
        }
        ObjectNode details = a.putObject("details");
        for (Map.Entry<String, Object> e : event.details().entrySet()) {
            details.set(e.getKey(), Json.MAPPER.valueToTree(e.getValue()));
        }
        node.putObject("relationships").putObject("eventable").putObject("data")
                .put("type", "moves").put("id", move.id().toString());
        return node;
    }

    /** A document for one move ({@code data} object) or many ({@code data} array), with its {@code included}. */
    public static ObjectNode document(List<Move> moves, boolean single, Includes includes, World world) {
        ObjectNode document = Json.object();
        boolean timeline = includes.has("timeline_events");
        if (single) {
            document.set("data", resource(moves.get(0), timeline));
        } else {
            ArrayNode data = document.putArray("data");
            moves.forEach(m -> data.add(resource(m, timeline)));
        }
        if (!includes.isEmpty()) {
            document.set("included", included(moves, includes, world));
        }
        return document;
    }

    private static ArrayNode included(List<Move> moves, Includes includes, World world) {
        ArrayNode included = Json.array();
        Set<String> seen = new HashSet<>();
        for (Move move : moves) {
            if (includes.has("profile") && move.profileId() != null) {
                Profile profile = world.people().profile(move.profileId()).orElse(null);
                if (profile != null && seen.add("profiles/" + profile.id())) {
                    included.add(PeopleJson.profile(profile));
                }
                if (profile != null && includes.has("profile.person")) {
                    Person person = world.people().byId(profile.personId()).orElse(null);
                    if (person != null && seen.add("people/" + person.id())) {
                        included.add(PeopleJson.person(person));
                    }
                }
            }
            if (includes.has("from_location")) {
                addLocation(included, seen, move.fromLocationId(), world);
            }
            if (includes.has("to_location")) {
                addLocation(included, seen, move.toLocationId(), world);
            }
            if (includes.has("timeline_events")) {
                move.timeline().forEach(e -> included.add(event(move, e)));
            }
        }
        return included;
    }

    private static void addLocation(ArrayNode included, Set<String> seen, UUID id, World world) {
        if (id != null && seen.add("locations/" + id)) {
            world.locations().byId(id).ifPresent(l -> included.add(LocationJson.resource(l)));
        }
    }
}
