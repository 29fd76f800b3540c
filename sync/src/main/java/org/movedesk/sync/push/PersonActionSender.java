package org.movedesk.sync.push;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.SyncError;
import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.moves.JsonApi;
import org.movedesk.sync.moves.MovesApiClient;
import org.movedesk.sync.push.Answers.Dialect;

/** CREATE_PERSON and CREATE_PROFILE on the Moves API people endpoints. */
public class PersonActionSender {

    private final MovesApiClient api;
    private final LocalLookup local;
    private final ObjectMapper json;

    public PersonActionSender(MovesApiClient api, LocalLookup local, ObjectMapper json) {
        this.api = api;
        this.local = local;
        this.json = json;
    }

    public Outcome send(OutboxEntry entry, JsonNode p) throws IOException {
        return entry.getAction() == OutboxAction.CREATE_PERSON ? createPerson(entry, p) : createProfile(entry, p);
    }

    private Outcome createPerson(OutboxEntry entry, JsonNode p) throws IOException {
        UUID personId = UUID.fromString(p.path("personId").asText(entry.getAggregateId()));
        String already = local.personCentralId(personId).orElse(null);
        if (already != null) {
            return new Outcome.Confirmed(already, null);
        }
        ObjectNode doc = json.createObjectNode();
        ObjectNode attrs = (ObjectNode) JsonApi.document(json, doc, "people").get("attributes");
        attrs.put("first_names", text(p, "firstNames"));
        attrs.put("last_name", text(p, "lastName"));
        putIfPresent(attrs, "date_of_birth", text(p, "dateOfBirth"));
        putIfPresent(attrs, "prison_number", text(p, "prisonNumber"));
        putIfPresent(attrs, "police_national_computer", text(p, "pncNumber"));
        ApiResponse r = api.createPerson(doc, entry.getIdempotencyKey(), entry.getCreatedBy());
        if (r.status() == 201 || r.status() == 200) {
            return new Outcome.Confirmed(JsonApi.requireResource(r.requireJson(), r.status()).get("id").asText(), null);
        }
        if (r.status() == 409 || (r.status() == 422 && text(p, "prisonNumber") != null && isTaken(r))) {
            // an earlier attempt (or another desk) may have created them: look before sending again
            String prisonNumber = text(p, "prisonNumber");
            if (prisonNumber != null) {
                ApiResponse found = api.findPeople(prisonNumber, entry.getCreatedBy());
                if (!found.ok()) {
                    return Answers.generic(found, Dialect.JSON_API, "look the person up");
                }
                for (JsonNode person : found.requireJson().path("data")) {
                    if (prisonNumber.equalsIgnoreCase(JsonApi.attribute(person, "prison_number"))
                            && person.path("id").isTextual()) {
                        return new Outcome.Confirmed(person.get("id").asText(), null);
                    }
                }
            }
            if (r.status() == 409) {
                return new Outcome.RotateKey("idempotency key already used (409) and the person is not found centrally");
            }
        }
        return Answers.generic(r, Dialect.JSON_API, "record this person");
    }

    private Outcome createProfile(OutboxEntry entry, JsonNode p) throws IOException {
        UUID profileId = UUID.fromString(text(p, "profileId"));
        String already = local.profileCentralId(profileId).orElse(null);
        if (already != null) {
            return new Outcome.Confirmed(already, null);
        }
        String personCentral = local.personCentralId(UUID.fromString(p.path("personId").asText(entry.getAggregateId())))
                .orElse(null);
        if (personCentral == null) {
            return new Outcome.Retry(SyncError.of("Waiting: the person has no central id yet"),
                    java.time.Duration.ofSeconds(2), false);
        }
        ObjectNode doc = json.createObjectNode();
        JsonApi.document(json, doc, "profiles");
        ApiResponse r = api.createProfile(personCentral, doc, entry.getIdempotencyKey(), entry.getCreatedBy());
        if (r.status() == 201 || r.status() == 200) {
            return new Outcome.Confirmed(JsonApi.requireResource(r.requireJson(), r.status()).get("id").asText(), null);
        }
        if (r.status() == 409) {
            // an earlier attempt may have made it: the person's profiles show it
            String prisonNumber = local.personPrisonNumber(UUID.fromString(p.path("personId").asText(entry.getAggregateId())))
                    .orElse(null);
            if (prisonNumber != null) {
                ApiResponse found = api.findPeople(prisonNumber, entry.getCreatedBy());
                if (!found.ok()) {
                    return Answers.generic(found, Dialect.JSON_API, "look the person's profiles up");
                }
                for (JsonNode person : found.requireJson().path("data")) {
                    if (personCentral.equals(person.path("id").asText())) {
                        JsonNode profiles = person.path("relationships").path("profiles").path("data");
                        if (profiles.isArray() && !profiles.isEmpty()) {
                            return new Outcome.Confirmed(profiles.get(profiles.size() - 1).path("id").asText(), null);
                        }
                    }
                }
            }
            return new Outcome.RotateKey("idempotency key already used (409) and the person has no profile centrally");
        }
        return Answers.generic(r, Dialect.JSON_API, "create a profile for this person");
    }

    private static boolean isTaken(ApiResponse r) {
        return "taken".equals(Answers.error(r, Dialect.JSON_API).code());
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
}
