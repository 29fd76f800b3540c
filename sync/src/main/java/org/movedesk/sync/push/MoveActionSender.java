package org.movedesk.sync.push;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.SyncError;
import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.CentralError;
import org.movedesk.sync.moves.CentralMoveResource;
import org.movedesk.sync.moves.JsonApi;
import org.movedesk.sync.moves.MovesApiClient;
import org.movedesk.sync.push.Answers.Dialect;

/**
 * Creates moves and sends move events, and decides what each answer means (SYNC.md table):
 * a 204 is only believed after reading the move back; a 409 or a 422 {@code taken} is reconciled
 * by looking at the centre, never by a blind resend.
 */
public class MoveActionSender {

    /** Local times of day are the operator's wall clock at the prison. */
    static final ZoneId PRISON_ZONE = ZoneId.of("Europe/London");

    private final MovesApiClient api;
    private final LocalLookup local;
    private final ObjectMapper json;

    public MoveActionSender(MovesApiClient api, LocalLookup local, ObjectMapper json) {
        this.api = api;
        this.local = local;
        this.json = json;
    }

    public Outcome send(OutboxEntry entry, JsonNode payload) throws IOException {
        return entry.getAction() == OutboxAction.CREATE_MOVE ? create(entry, payload) : event(entry, payload);
    }

    // ---- create ------------------------------------------------------------------------------

    private Outcome create(OutboxEntry entry, JsonNode p) throws IOException {
        UUID moveId = UUID.fromString(p.path("moveId").asText(entry.getAggregateId()));
        Optional<String> already = local.moveCentralId(moveId);
        if (already.isPresent() && already.get() != null) {
            // linked by a pull or a previous run that died before confirming: nothing to send
            return new Outcome.Confirmed(already.get(), null);
        }
        String profileCentral = text(p, "profileId") == null ? null
                : local.profileCentralId(UUID.fromString(text(p, "profileId"))).orElse(null);
        String personCentral = text(p, "personId") == null ? null
                : local.personCentralId(UUID.fromString(text(p, "personId"))).orElse(null);
        if (profileCentral == null) {
            return waitFor("the person's profile has no central id yet");
        }
        ObjectNode doc = json.createObjectNode();
        ObjectNode data = JsonApi.document(json, doc, "moves");
        ObjectNode attrs = (ObjectNode) data.get("attributes");
        attrs.put("status", p.path("status").asText("requested"));
        attrs.put("move_type", text(p, "moveType"));
        putIfPresent(attrs, "date", text(p, "date"));
        if (text(p, "date") != null && text(p, "timeDue") != null) {
            attrs.put("time_due", LocalDate.parse(text(p, "date")).atTime(LocalTime.parse(text(p, "timeDue")))
                    .atZone(PRISON_ZONE).toOffsetDateTime().toString());
        }
        putIfPresent(attrs, "additional_information", text(p, "notes"));
        JsonApi.relate(data, "profile", "profiles", profileCentral);
        JsonApi.relate(data, "from_location", "locations", text(p, "fromLocationId"));
        JsonApi.relate(data, "to_location", "locations", text(p, "toLocationId"));

        ApiResponse r = api.createMove(doc, entry.getIdempotencyKey(), entry.getCreatedBy());
        if (r.status() == 201 || r.status() == 200) {
            CentralMoveResource created = CentralMoveResource.read(JsonApi.requireResource(r.requireJson(), r.status()), r.status());
            return new Outcome.Confirmed(created.id(), created.reference());
        }
        if (r.status() == 422) {
            CentralError e = Answers.error(r, Dialect.JSON_API);
            if ("taken".equals(e.code())) {
                return taken(r, p, personCentral, profileCentral, e);
            }
        }
        if (r.status() == 409) {
            return findCreated(p, personCentral, profileCentral, entry);
        }
        return Answers.generic(r, Dialect.JSON_API, "create this move");
    }

    /** The centre says this move exists already: the same one is linked, a different one is the operator's call. */
    private Outcome taken(ApiResponse r, JsonNode p, String personCentral, String profileCentral, CentralError e)
            throws IOException {
        String existingId = findExistingId(r.json());
        if (existingId == null) {
            return new Outcome.Failed(Answers.syncError(e));
        }
        ApiResponse existing = api.getMove(existingId, null);
        if (!existing.ok()) {
            return Answers.generic(existing, Dialect.JSON_API, "read the existing move");
        }
        CentralMoveResource m = CentralMoveResource.read(JsonApi.requireResource(existing.requireJson(), 200), 200);
        if (sameMove(m, existing.json(), p, personCentral, profileCentral)) {
            return new Outcome.Confirmed(m.id(), m.reference());
        }
        return new Outcome.Conflict(describeLocal(p),
                "The centre already has move " + m.reference() + " (" + m.status() + ") for this person on "
                        + m.date() + ": " + existing.json().get("data").toString());
    }

    /** The key was used before: find the move that attempt may have created; only if absent, a new key. */
    private Outcome findCreated(JsonNode p, String personCentral, String profileCentral, OutboxEntry entry) throws IOException {
        if (personCentral != null) {
            String date = text(p, "date");
            ApiResponse found = api.findMoves(personCentral, text(p, "fromLocationId"),
                    date == null ? null : LocalDate.parse(date), entry.getCreatedBy());
            if (!found.ok()) {
                return Answers.generic(found, Dialect.JSON_API, "look for the move created earlier");
            }
            JsonNode list = found.requireJson().path("data");
            for (JsonNode candidate : list) {
                CentralMoveResource m = CentralMoveResource.read(candidate, 200);
                if (!"cancelled".equals(m.status()) && sameMove(m, found.json(), p, personCentral, profileCentral)) {
                    return new Outcome.Confirmed(m.id(), m.reference());
                }
            }
        }
        return new Outcome.RotateKey("idempotency key already used (409) and no move from that attempt was found centrally");
    }

    private static boolean sameMove(CentralMoveResource m, JsonNode document, JsonNode p, String personCentral,
                                    String profileCentral) {
        boolean samePerson = Objects.equals(m.profileId(), profileCentral)
                || (personCentral != null && personCentral.equals(personOfProfile(document, m.profileId())));
        return samePerson
                && Objects.equals(m.fromLocationId(), text(p, "fromLocationId"))
                && Objects.equals(m.toLocationId(), text(p, "toLocationId"))
                && Objects.equals(m.date() == null ? null : m.date().toString(), text(p, "date"));
    }

    private static String personOfProfile(JsonNode document, String profileId) {
        if (profileId == null) {
            return null;
        }
        JsonNode profile = JsonApi.included(document).get("profiles/" + profileId);
        return profile == null ? null : JsonApi.relationshipId(profile, "person");
    }

    private static String findExistingId(JsonNode body) {
        if (body == null) {
            return null;
        }
        for (JsonNode e : body.path("errors")) {
            JsonNode id = e.path("meta").path("existing_id");
            if (id.isTextual()) {
                return id.asText();
            }
        }
        JsonNode id = body.path("meta").path("existing_id");
        return id.isTextual() ? id.asText() : null;
    }

    // ---- events ------------------------------------------------------------------------------

    private Outcome event(OutboxEntry entry, JsonNode p) throws IOException {
        UUID moveId = UUID.fromString(p.path("moveId").asText(entry.getAggregateId()));
        String centralId = local.moveCentralId(moveId).orElse(null);
        if (centralId == null) {
            return waitFor("the move has not been created centrally yet");
        }
        EventShape shape = EventShape.of(entry.getAction());
        ObjectNode doc = json.createObjectNode();
        ObjectNode data = JsonApi.document(json, doc, shape.type());
        ObjectNode attrs = (ObjectNode) data.get("attributes");
        attrs.put("timestamp", entry.getOccurredAt().toString());
        switch (entry.getAction()) {
            case APPROVE -> attrs.put("date", text(p, "date") != null ? text(p, "date")
                    : local.moveDate(moveId).map(LocalDate::toString).orElse(null));
            case REJECT -> {
                attrs.put("rejection_reason", text(p, "rejectionReason"));
                putIfPresent(attrs, "cancellation_reason_comment", text(p, "notes"));
                attrs.put("rebook", p.path("rebook").asBoolean(false));
            }
            case CANCEL -> {
                attrs.put("cancellation_reason", text(p, "cancellationReason"));
                putIfPresent(attrs, "cancellation_reason_comment", text(p, "cancellationComment"));
                putIfPresent(attrs, "notes", text(p, "notes"));
            }
            case REDIRECT -> {
                putIfPresent(attrs, "notes", text(p, "notes"));
                JsonApi.relate(data, "to_location", "locations", text(p, "toLocationId"));
            }
            case LOCKOUT -> putIfPresent(attrs, "notes", text(p, "notes"));
            default -> { } // accept, start, complete carry the timestamp only (contract)
        }
        ApiResponse r = api.moveEvent(centralId, shape.path(), doc, entry.getIdempotencyKey(), entry.getCreatedBy());
        if (r.ok()) {
            return readBack(centralId, entry, p, shape);
        }
        if (r.status() == 409) {
            Outcome seen = readBack(centralId, entry, p, shape);
            return seen instanceof Outcome.Conflict
                    ? new Outcome.RotateKey("idempotency key already used (409) and the move does not show the effect")
                    : seen;
        }
        return Answers.generic(r, Dialect.JSON_API, shape.path() + " this move");
    }

    /** The centre answers 204 even when it ignored the transition: believe only the move itself. */
    private Outcome readBack(String centralId, OutboxEntry entry, JsonNode p, EventShape shape) throws IOException {
        ApiResponse r = api.getMove(centralId, entry.getCreatedBy());
        if (!r.ok()) {
            return Answers.generic(r, Dialect.JSON_API, "read the move back");
        }
        CentralMoveResource m = CentralMoveResource.read(JsonApi.requireResource(r.requireJson(), 200), 200);
        String expected = text(p, "toStatus");
        boolean statusOk = expected == null ? !"cancelled".equals(m.status()) : MoveStatusOrder.reached(expected, m.status());
        boolean effectOk = entry.getAction() == OutboxAction.REDIRECT
                ? statusOk && Objects.equals(m.toLocationId(), text(p, "toLocationId"))
                : statusOk;
        if (effectOk) {
            return new Outcome.Confirmed(centralId, m.reference());
        }
        return new Outcome.Conflict(describeLocal(p),
                "Centre: move " + m.reference() + " is " + m.status()
                        + (entry.getAction() == OutboxAction.REDIRECT ? " to " + m.toLocationId() : "")
                        + " after " + shape.path() + " (expected " + expected + "). " + r.json().get("data").toString());
    }

    private String describeLocal(JsonNode p) {
        return p.toString();
    }

    private static Outcome waitFor(String why) {
        // not an attempt: nothing was sent; a short pause lets the dependency's own entry go first
        return new Outcome.Retry(SyncError.of("Waiting: " + why), java.time.Duration.ofSeconds(2), false);
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value);
        }
    }

    /** Path segment and JSON:API type of each event. */
    record EventShape(String path, String type) {
        static EventShape of(OutboxAction a) {
            return switch (a) {
                case ACCEPT -> new EventShape("accept", "accepts");
                case APPROVE -> new EventShape("approve", "approves");
                case CANCEL -> new EventShape("cancel", "cancels");
                case COMPLETE -> new EventShape("complete", "completes");
                case LOCKOUT -> new EventShape("lockouts", "lockouts");
                case REDIRECT -> new EventShape("redirects", "redirects");
                case REJECT -> new EventShape("reject", "rejects");
                case START -> new EventShape("start", "starts");
                default -> throw new IllegalArgumentException("not a move event: " + a);
            };
        }
    }
}
