package org.movedesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published walkthrough, end to end over real HTTP, checking every status code and the final state. */
class WalkthroughTest extends SandboxTestBase {

    @Test
    void bookAndRunAMoveToApprovedPremises() {
        // 1. a token
        Answer token = api.tokenRequest("movedesk", "movedesk-secret");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.json().get("expires_in").asLong()).isEqualTo(7200);
        assertThat(token.json().get("created_at").isNumber()).isTrue();
        api.useToken(token.json().get("access_token").asText());

        // 2. find a person by prison number
        SandboxState.PersonSnapshot seeded = prisoner(0);
        Answer people = api.get("/api/people?filter[prison_number]=" + seeded.prisonNumber() + "&include=profiles");
        assertThat(people.status()).isEqualTo(200);
        JsonNode person = people.json().get("data").get(0);
        assertThat(people.json().get("data")).hasSize(1);
        assertThat(person.get("id").asText()).isEqualTo(seeded.id().toString());
        assertThat(person.at("/attributes/prison_number").asText()).isEqualTo(seeded.prisonNumber());
        assertThat(people.json().get("included").get(0).get("type").asText()).isEqualTo("profiles");

        // 3. add a profile
        Answer profile = api.post("/api/people/" + seeded.id() + "/profiles",
                obj("data", obj("type", "profiles", "attributes", obj("assessment_answers", List.of()))));
        assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
        String profileId = profile.json().at("/data/id").asText();

        // 4. book a move to approved premises
        SandboxState.LocationSnapshot from = location(seeded.prisonAgencyId());
        SandboxState.LocationSnapshot to = location("APASHL");
        LocalDate date = LocalDate.now().plusDays(3);
        Answer created = api.postIdempotent("/api/moves", moveBody("approved_premises", date, profileId, from.id(), to.id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode move = created.json().get("data");
        String moveId = move.get("id").asText();
        assertThat(move.at("/attributes/status").asText()).isEqualTo("requested");
        assertThat(move.at("/attributes/reference").asText()).matches("[A-Z]{3}[0-9]{4}[A-Z]");
        assertThat(move.at("/relationships/to_location/data/id").asText()).isEqualTo(to.id().toString());

        // 5. list it with the people and places
        Answer list = api.get("/api/moves?filter[from_location_id]=" + from.id() + "&filter[date_from]=" + date
                + "&filter[date_to]=" + date + "&include=profile.person,from_location,to_location");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("data")).hasSize(1);
        assertThat(list.json().at("/data/0/id").asText()).isEqualTo(moveId);
        List<String> includedTypes = new ArrayList<>();
        list.json().get("included").forEach(i -> includedTypes.add(i.get("type").asText()));
        assertThat(includedTypes).containsExactlyInAnyOrder("profiles", "people", "locations", "locations");
        assertThat(list.json().at("/meta/pagination/total_objects").asInt()).isEqualTo(1);

        // 6. accept, start, complete
        assertThat(api.postIdempotent("/api/moves/" + moveId + "/accept", eventBody("accepts", "notes", "booked")).status()).isEqualTo(204);
        assertThat(api.postIdempotent("/api/moves/" + moveId + "/start", eventBody("starts", "timestamp", "2026-11-25T11:00:00Z")).status()).isEqualTo(204);
        assertThat(api.postIdempotent("/api/moves/" + moveId + "/complete", eventBody("completes", "timestamp", "2026-11-25T12:00:00Z")).status()).isEqualTo(204);

        // final state, over the API and inside the sandbox
        Answer done = api.get("/api/moves/" + moveId + "?include=timeline_events");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().at("/data/attributes/status").asText()).isEqualTo("completed");
        List<String> events = new ArrayList<>();
        done.json().get("included").forEach(e -> events.add(e.at("/attributes/event_type").asText()));
        assertThat(events).containsExactly("MoveAccept", "MoveStart", "MoveComplete", "MoveRequested")
                .as("ordered by timestamp: the create happened now, after the client's event timestamps");
        assertThat(state().moveStatus(java.util.UUID.fromString(moveId))).contains("completed");
        assertThat(sandbox.ledger()).extracting(LedgerEntry::action)
                .containsExactly("profile.create", "move.create", "move.accept", "move.start", "move.complete");
    }
}
