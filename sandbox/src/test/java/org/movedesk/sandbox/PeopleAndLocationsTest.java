package org.movedesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/reference/locations, GET/POST /api/people and POST /api/people/{id}/profiles. */
class PeopleAndLocationsTest extends SandboxTestBase {

    @Test
    void locationsCoverEveryKindWithNomisIds() {
        Answer answer = api.get("/api/reference/locations");
        assertThat(answer.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        answer.json().get("data").forEach(l -> types.add(l.at("/attributes/location_type").asText()));
        assertThat(types).contains("prison", "court", "hospital", "high_security_hospital", "approved_premises", "police");
        JsonNode first = answer.json().at("/data/0");
        assertThat(first.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(first.at("/attributes/title").asText()).isNotBlank();

        Answer prisons = api.get("/api/reference/locations?filter[location_type]=prison");
        prisons.json().get("data").forEach(l -> assertThat(l.at("/attributes/location_type").asText()).isEqualTo("prison"));
        Answer moorland = api.get("/api/reference/locations?filter[nomis_agency_id]=MDI");
        assertThat(moorland.json().get("data")).hasSize(1);
        assertThat(moorland.json().at("/data/0/attributes/title").asText()).isEqualTo("HMP Moorland");
        Answer hospitals = api.get("/api/reference/locations?filter[location_type]=high_security_hospital");
        List<String> titles = new ArrayList<>();
        hospitals.json().get("data").forEach(l -> titles.add(l.at("/attributes/title").asText()));
        assertThat(titles).contains("Rampton Hospital", "Broadmoor Hospital");
    }

    @Test
    void findsAPersonByPrisonNumberCaseInsensitivelyWithProfiles() {
        SandboxState.PersonSnapshot person = prisoner(3);
        Answer answer = api.get("/api/people?filter[prison_number]=" + person.prisonNumber().toLowerCase() + "&include=profiles");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode found = answer.json().at("/data/0");
        assertThat(found.at("/attributes/last_name").asText()).isEqualTo(person.lastName());
        assertThat(found.at("/attributes/police_national_computer").asText()).matches("\\d{2}/\\d{6}[A-Z]");
        assertThat(found.at("/relationships/profiles/data/0/id").asText()).isEqualTo(person.profileIds().get(0).toString());
        assertThat(answer.json().at("/included/0/id").asText()).isEqualTo(person.profileIds().get(0).toString());

        Answer none = api.get("/api/people?filter[prison_number]=Z9999ZZ");
        assertThat(none.json().get("data")).isEmpty();
        assertThat(none.json().at("/meta/pagination/total_objects").asInt()).isZero();

        Answer byPnc = api.get("/api/people?filter[police_national_computer]=" + person.policeNationalComputer());
        assertThat(byPnc.json().at("/data/0/id").asText()).isEqualTo(person.id().toString());
    }

    @Test
    void createsAPersonAndAProfile() {
        Answer created = api.post("/api/people", obj("data", obj("type", "people", "attributes",
                obj("first_names", "Ada", "last_name", "Lovelace", "date_of_birth", "1990-12-10", "prison_number", "a0001aa"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().at("/data/id").asText();
        assertThat(created.json().at("/data/attributes/prison_number").asText()).isEqualTo("A0001AA");
        assertThat(state().personByPrisonNumber("A0001AA")).isPresent();

        Answer profile = api.post("/api/people/" + id + "/profiles", obj("data", obj("type", "profiles",
                "attributes", obj("assessment_answers", List.of()))));
        assertThat(profile.status()).isEqualTo(201);
        assertThat(state().person(UUID.fromString(id)).orElseThrow().profileIds())
                .containsExactly(UUID.fromString(profile.json().at("/data/id").asText()));
        assertThat(sandbox.ledger()).extracting(LedgerEntry::action).contains("person.create", "profile.create");
    }

    @Test
    void personValidationAndUnknownPerson() {
        Answer blank = api.post("/api/people", obj("data", obj("type", "people", "attributes", obj("first_names", ""))));
        assertThat(blank.status()).isEqualTo(422);
        List<String> pointers = new ArrayList<>();
        blank.json().get("errors").forEach(e -> pointers.add(e.at("/source/pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/data/attributes/first_names", "/data/attributes/last_name");
        Answer badDob = api.post("/api/people", obj("data", obj("type", "people", "attributes",
                obj("first_names", "A", "last_name", "B", "date_of_birth", "yesterday"))));
        assertThat(badDob.status()).isEqualTo(422);
        Answer unknown = api.post("/api/people/" + UUID.randomUUID() + "/profiles", obj("data", obj("type", "profiles")));
        assertThat(unknown.status()).isEqualTo(404);
        Answer wrongType = api.post("/api/people", obj("data", obj("type", "moves", "attributes", obj())));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(Set.of(400, 422)).contains(api.post("/api/people", obj()).status());
    }
}
