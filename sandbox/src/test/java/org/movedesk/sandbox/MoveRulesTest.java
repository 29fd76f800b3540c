package org.movedesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Move creation rules, the state machine (with its silent 204) and the timeline. */
class MoveRulesTest extends SandboxTestBase {

    private static final LocalDate DATE = LocalDate.now().plusDays(5);
    private SandboxState.PersonSnapshot person;
    private UUID from;

    @BeforeEach
    void freshSandbox() {
        sandbox.reset();
        person = prisoner(2);
        from = location(person.prisonAgencyId()).id();
    }

    private UUID to() {
        return location(person.prisonAgencyId().equals("LEI") ? "WWI" : "LEI").id();
    }

    private String profile() {
        return person.profileIds().get(0).toString();
    }

    private List<String> pointers(Answer answer) {
        List<String> pointers = new ArrayList<>();
        answer.json().get("errors").forEach(e -> pointers.add(e.at("/source/pointer").asText()));
        return pointers;
    }

    @Test
    void createDefaultsToRequestedWithAUniqueReference() {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonNode move = api.postIdempotent("/api/moves", moveBody("court_appearance", DATE.plusDays(i), profile(), from,
                    location("LEEDCC").id())).json().get("data");
            assertThat(move.at("/attributes/status").asText()).isEqualTo("requested");
            assertThat(move.get("id").asText()).matches("[0-9a-f-]{36}");
            references.add(move.at("/attributes/reference").asText());
        }
        assertThat(references).hasSize(5).allMatch(r -> r.matches("[A-Z]{3}[0-9]{4}[A-Z]"));
    }

    @Test
    void validationErrorsAre422WithPointers() {
        Answer answer = api.postIdempotent("/api/moves", moveBody(null, null, profile(), null, null));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(pointers(answer)).contains("/data/attributes/move_type", "/data/attributes/date",
                "/data/relationships/from_location");
        answer.json().get("errors").forEach(e -> assertThat(e.get("title").asText()).isEqualTo("Unprocessable entity"));

        Answer badType = api.postIdempotent("/api/moves", moveBody("teleport", DATE, profile(), from, to()));
        assertThat(badType.firstError().at("/source/pointer").asText()).isEqualTo("/data/attributes/move_type");
        assertThat(badType.firstError().get("code").asText()).isEqualTo("inclusion");

        Answer noTo = api.postIdempotent("/api/moves", moveBody("court_appearance", DATE, profile(), from, null));
        assertThat(noTo.status()).isEqualTo(422);
        assertThat(pointers(noTo)).containsExactly("/data/relationships/to_location");

        Answer same = api.postIdempotent("/api/moves", moveBody("prison_transfer", DATE, profile(), from, from));
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.firstError().get("code").asText()).isEqualTo("cannot_be_identical");

        Answer badDate = api.postIdempotent("/api/moves", moveBody("prison_transfer", null, profile(), from, to()));
        assertThat(pointers(badDate)).containsExactly("/data/attributes/date");
        assertThat(state().moveCount()).isZero();
    }

    @Test
    void unknownLocationOrProfileIs404AndMissingDataIs400() {
        assertThat(api.postIdempotent("/api/moves", moveBody("prison_transfer", DATE, profile(), from, UUID.randomUUID()))
                .status()).isEqualTo(404);
        assertThat(api.postIdempotent("/api/moves", moveBody("prison_transfer", DATE, UUID.randomUUID(), from, to()))
                .status()).isEqualTo(404);
        assertThat(api.postIdempotent("/api/moves", obj("move", obj())).status()).isEqualTo(400);
        assertThat(api.postIdempotent("/api/moves", "{not json").status()).isEqualTo(400);
    }

    @Test
    void recallAndVideoRemandNeedNoDestination() {
        Answer recall = api.postIdempotent("/api/moves", moveBody("prison_recall", DATE, profile(), location("WYI001").id(), null));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        assertThat(recall.json().at("/data/relationships/to_location/data").isNull()).isTrue();
        assertThat(api.postIdempotent("/api/moves", moveBody("video_remand", DATE, profile(), from, null)).status())
                .isEqualTo(201);
    }

    @Test
    void proposedMovesNeedNoDateAndApproveGivesThemOne() {
        ObjectNode body = moveBody("prison_transfer", null, profile(), from, to());
        ((ObjectNode) body.at("/data/attributes")).put("status", "proposed").put("date_from", DATE.toString());
        Answer created = api.postIdempotent("/api/moves", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().at("/data/id").asText();
        assertThat(created.json().at("/data/attributes/status").asText()).isEqualTo("proposed");

        Answer noDate = api.postIdempotent("/api/moves/" + id + "/approve", eventBody("approves"));
        assertThat(noDate.status()).isEqualTo(422);
        assertThat(noDate.firstError().at("/source/pointer").asText()).isEqualTo("/data/attributes/date");

        assertThat(api.postIdempotent("/api/moves/" + id + "/approve", eventBody("approves", "date", DATE.toString())).status())
                .isEqualTo(204);
        SandboxState.MoveSnapshot move = state().move(UUID.fromString(id)).orElseThrow();
        assertThat(move.status()).isEqualTo("requested");
        assertThat(move.date()).isEqualTo(DATE);
    }

    @Test
    void aSecondLiveMoveOnTheSameRouteAndDateIsTaken() {
        String first = bookMove(person, person.prisonAgencyId().equals("LEI") ? "WWI" : "LEI", DATE).get("id").asText();
        Answer dup = api.postIdempotent("/api/moves", moveBody("prison_transfer", DATE, profile(), from, to()));
        assertThat(dup.status()).isEqualTo(422);
        assertThat(dup.firstError().get("code").asText()).isEqualTo("taken");
        assertThat(dup.firstError().at("/meta/existing_id").asText()).isEqualTo(first);
        assertThat(dup.firstError().at("/source/pointer").asText()).isEqualTo("/data/attributes/date");

        // another day, or after the first is cancelled, is fine
        assertThat(api.postIdempotent("/api/moves", moveBody("prison_transfer", DATE.plusDays(1), profile(), from, to()))
                .status()).isEqualTo(201);
        api.postIdempotent("/api/moves/" + first + "/cancel", eventBody("cancels", "cancellation_reason", "made_in_error"));
        assertThat(api.postIdempotent("/api/moves", moveBody("prison_transfer", DATE, profile(), from, to())).status())
                .isEqualTo(201);
    }

    @Test
    void aProposedMoveDoesNotBlockABooking() {
        ObjectNode proposed = moveBody("prison_transfer", DATE, profile(), from, to());
        ((ObjectNode) proposed.at("/data/attributes")).put("status", "proposed");
        assertThat(api.postIdempotent("/api/moves", proposed).status()).isEqualTo(201);
        assertThat(api.postIdempotent("/api/moves", moveBody("prison_transfer", DATE, profile(), from, to())).status())
                .isEqualTo(201);
    }

    @Test
    void anIllegalTransitionIsASilent204() {
        String id = bookMove(person, "LEI".equals(person.prisonAgencyId()) ? "WWI" : "LEI", DATE).get("id").asText();
        int ledgerBefore = sandbox.ledger().size();

        Answer start = api.postIdempotent("/api/moves/" + id + "/start", eventBody("starts"));
        Answer complete = api.postIdempotent("/api/moves/" + id + "/complete", eventBody("completes"));
        Answer approve = api.postIdempotent("/api/moves/" + id + "/approve", eventBody("approves", "date", DATE.toString()));

        assertThat(List.of(start.status(), complete.status(), approve.status())).containsOnly(204);
        assertThat(start.body()).isEmpty();
        SandboxState.MoveSnapshot move = state().move(UUID.fromString(id)).orElseThrow();
        assertThat(move.status()).isEqualTo("requested");
        assertThat(move.timeline()).containsExactly("MoveRequested");
        assertThat(sandbox.ledger()).hasSize(ledgerBefore);
    }

    @Test
    void theWholeStateMachine() {
        String toAgency = person.prisonAgencyId().equals("LEI") ? "WWI" : "LEI";
        // requested -> booked -> in_transit -> completed; then cancel still works (any state but cancelled)
        String a = bookMove(person, toAgency, DATE).get("id").asText();
        event(a, "accept", "accepts");
        assertThat(status(a)).isEqualTo("booked");
        event(a, "start", "starts");
        assertThat(status(a)).isEqualTo("in_transit");
        event(a, "complete", "completes");
        assertThat(status(a)).isEqualTo("completed");
        event(a, "cancel", "cancels", "cancellation_reason", "other", "cancellation_reason_comment", "entered twice");
        assertThat(status(a)).isEqualTo("cancelled");
        assertThat(state().move(UUID.fromString(a)).orElseThrow().cancellationReason()).isEqualTo("other");
        // cancelling a cancelled move changes nothing
        event(a, "cancel", "cancels", "cancellation_reason", "made_in_error");
        assertThat(state().move(UUID.fromString(a)).orElseThrow().cancellationReason()).isEqualTo("other");

        // reject: requested -> cancelled with reason "rejected", and rebook proposes a new move a week later
        String b = bookMove(person, toAgency, DATE.plusDays(1)).get("id").asText();
        event(b, "reject", "rejects", "rejection_reason", "no_space_at_receiving_prison", "rebook", true);
        SandboxState.MoveSnapshot rejected = state().move(UUID.fromString(b)).orElseThrow();
        assertThat(rejected.status()).isEqualTo("cancelled");
        assertThat(rejected.cancellationReason()).isEqualTo("rejected");
        assertThat(rejected.rejectionReason()).isEqualTo("no_space_at_receiving_prison");
        assertThat(state().moves()).anyMatch(m -> m.status().equals("proposed") && m.personId().equals(person.id()));
    }

    @Test
    void eventBodiesAreChecked() {
        String id = bookMove(person, "LEI".equals(person.prisonAgencyId()) ? "WWI" : "LEI", DATE).get("id").asText();
        Answer noTimestamp = api.postIdempotent("/api/moves/" + id + "/accept",
                obj("data", obj("type", "accepts", "attributes", obj())));
        assertThat(noTimestamp.status()).isEqualTo(422);
        assertThat(noTimestamp.firstError().at("/source/pointer").asText()).isEqualTo("/data/attributes/timestamp");
        Answer wrongType = api.postIdempotent("/api/moves/" + id + "/accept", eventBody("starts"));
        assertThat(wrongType.status()).isEqualTo(422);
        Answer badReason = api.postIdempotent("/api/moves/" + id + "/reject", eventBody("rejects", "rejection_reason", "bored"));
        assertThat(badReason.status()).isEqualTo(422);
        Answer noReason = api.postIdempotent("/api/moves/" + id + "/cancel", eventBody("cancels"));
        assertThat(noReason.firstError().at("/source/pointer").asText()).isEqualTo("/data/attributes/cancellation_reason");
        assertThat(status(id)).isEqualTo("requested");
    }

    @Test
    void lockoutsKeepTheStatusAndRedirectsChangeTheDestination() {
        String id = bookMove(person, "LEI".equals(person.prisonAgencyId()) ? "WWI" : "LEI", DATE).get("id").asText();
        event(id, "accept", "accepts");
        event(id, "start", "starts");
        event(id, "lockouts", "lockouts", "notes", "gate closed");
        assertThat(status(id)).isEqualTo("in_transit");

        UUID newTo = location("BROADM").id();
        ObjectNode redirect = eventBody("redirects", "notes", "bed found", "move_type", "hospital");
        ((ObjectNode) redirect.get("data")).set("relationships", obj("to_location", ref("locations", newTo)));
        assertThat(api.postIdempotent("/api/moves/" + id + "/redirects", redirect).status()).isEqualTo(204);
        SandboxState.MoveSnapshot move = state().move(UUID.fromString(id)).orElseThrow();
        assertThat(move.status()).isEqualTo("in_transit");
        assertThat(move.toLocationId()).isEqualTo(newTo);
        assertThat(move.moveType()).isEqualTo("hospital");

        Answer noTarget = api.postIdempotent("/api/moves/" + id + "/redirects", eventBody("redirects"));
        assertThat(noTarget.status()).isEqualTo(422);
        assertThat(noTarget.firstError().at("/source/pointer").asText()).isEqualTo("/data/relationships/to_location");
    }

    @Test
    void theTimelineHasAnEventForEveryChangeOrderedByTimestamp() {
        String id = bookMove(person, "LEI".equals(person.prisonAgencyId()) ? "WWI" : "LEI", DATE).get("id").asText();
        // sent out of order: start's timestamp is later than complete's arrival order would suggest
        event(id, "accept", "accepts", "timestamp", "2099-01-01T10:00:00Z", "notes", "ok");
        event(id, "start", "starts", "timestamp", "2099-01-01T12:00:00Z");
        event(id, "lockouts", "lockouts", "timestamp", "2099-01-01T11:00:00Z");
        Answer patch = api.patchWithKey("/api/moves/" + id, obj("data", obj("type", "moves",
                "attributes", obj("date", DATE.plusDays(1).toString())))
                , UUID.randomUUID().toString());
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.json().at("/data/attributes/date").asText()).isEqualTo(DATE.plusDays(1).toString());

        Answer answer = api.get("/api/moves/" + id + "?include=timeline_events");
        List<String> types = new ArrayList<>();
        List<String> occurred = new ArrayList<>();
        answer.json().get("included").forEach(e -> {
            types.add(e.at("/attributes/event_type").asText());
            occurred.add(e.at("/attributes/occurred_at").asText());
        });
        assertThat(types).containsExactly("MoveRequested", "MoveDateChanged", "MoveAccept", "MoveLockout", "MoveStart");
        assertThat(occurred).isSorted();
        assertThat(answer.json().at("/data/relationships/timeline_events/data")).hasSize(5);
        JsonNode accept = answer.json().get("included").get(2);
        assertThat(accept.at("/attributes/notes").asText()).isEqualTo("ok");
        assertThat(accept.at("/attributes/created_by").asText()).isEqualTo("movedesk");
        assertThat(accept.at("/relationships/eventable/data/id").asText()).isEqualTo(id);
    }

    @Test
    void patchValidatesAndRefusesOtherStatusChanges() {
        String id = bookMove(person, "LEI".equals(person.prisonAgencyId()) ? "WWI" : "LEI", DATE).get("id").asText();
        Answer badDate = api.patchWithKey("/api/moves/" + id, obj("data", obj("type", "moves",
                "attributes", obj("date", "tomorrow"))), UUID.randomUUID().toString());
        assertThat(badDate.status()).isEqualTo(422);
        Answer toBooked = api.patchWithKey("/api/moves/" + id, obj("data", obj("type", "moves",
                "attributes", obj("status", "booked"))), UUID.randomUUID().toString());
        assertThat(toBooked.status()).isEqualTo(422);
        assertThat(toBooked.firstError().at("/source/pointer").asText()).isEqualTo("/data/attributes/status");
        Answer cancel = api.patchWithKey("/api/moves/" + id, obj("data", obj("type", "moves",
                "attributes", obj("status", "cancelled", "cancellation_reason", "made_in_error"))), UUID.randomUUID().toString());
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("cancelled");
    }

    private void event(String id, String event, String type, Object... attributes) {
        Answer answer = api.postIdempotent("/api/moves/" + id + "/" + event, eventBody(type, attributes));
        assertThat(answer.status()).as(event + " " + answer).isEqualTo(204);
    }

    private String status(String id) {
        return api.get("/api/moves/" + id).json().at("/data/attributes/status").asText();
    }

}
