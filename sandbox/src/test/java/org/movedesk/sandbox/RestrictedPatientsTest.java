package org.movedesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Restricted Patients API: plain JSON, HMPPS error bodies, exact codes and texts. */
class RestrictedPatientsTest extends SandboxTestBase {

    @BeforeEach
    void freshSandbox() {
        sandbox.reset();
    }

    private Answer discharge(String offenderNo, String from, String hospital) {
        return api.rp("POST", "/discharge-to-hospital", Map.of("offenderNo", offenderNo, "fromLocationId", from,
                "hospitalLocationCode", hospital, "dischargeTime", "2026-11-20T10:15", "commentText", "Section 47"));
    }

    private static void assertError(Answer answer, int status, String code, String userMessage, String developerMessage) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("errorCode").isNull() ? null : body.get("errorCode").asText()).isEqualTo(code);
        assertThat(body.get("userMessage").isNull() ? null : body.get("userMessage").asText()).isEqualTo(userMessage);
        assertThat(body.get("developerMessage").asText()).isEqualTo(developerMessage);
        assertThat(body.has("moreInfo")).isTrue();
    }

    @Test
    void dischargeCreatesAPatientAndAnswersTheDtoWithIdOnlyAgencies() {
        SandboxState.PersonSnapshot person = prisoner(0);
        Answer answer = discharge(person.prisonNumber(), person.prisonAgencyId(), "RAMPTN");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode dto = answer.json();
        assertThat(dto.get("prisonerNumber").asText()).isEqualTo(person.prisonNumber());
        assertThat(fieldNames(dto.get("fromLocation"))).containsExactly("agencyId");
        assertThat(dto.at("/fromLocation/agencyId").asText()).isEqualTo(person.prisonAgencyId());
        assertThat(dto.at("/supportingPrison/agencyId").asText()).isEqualTo(person.prisonAgencyId());
        assertThat(dto.at("/hospitalLocation/agencyId").asText()).isEqualTo("RAMPTN");
        assertThat(dto.get("dischargeTime").asText()).isEqualTo("2026-11-20T10:15:00");
        assertThat(dto.get("commentText").asText()).isEqualTo("Section 47");
        assertThat(dto.get("createDateTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(dto.get("createUserId").asText()).isEqualTo("movedesk");
        assertThat(state().patient(person.prisonNumber())).isPresent();
        assertThat(sandbox.ledger()).extracting(LedgerEntry::action).containsExactly("patient.discharge");
    }

    @Test
    void dischargingTwiceIsExistingPatient() {
        SandboxState.PersonSnapshot person = prisoner(0);
        discharge(person.prisonNumber(), person.prisonAgencyId(), "BROADM");
        String n = person.prisonNumber();
        assertError(discharge(n, person.prisonAgencyId(), "BROADM"), 400, "EXISTING_PATIENT",
                "Prisoner (" + n + ") is already a restricted patient",
                "Validation failure: Prisoner (" + n + ") is already a restricted patient");
    }

    @Test
    void dischargingSomeoneNotInPrisonIs404() {
        assertError(discharge("Z9999ZZ", "MDI", "RAMPTN"), 404, null, null, "No prisoner with activeFlag 'Y' found for Z9999ZZ");
        SandboxState.PersonSnapshot released = state().people().stream().filter(p -> p.custody().equals("RELEASED"))
                .findFirst().orElseThrow();
        assertThat(discharge(released.prisonNumber(), "MDI", "RAMPTN").status()).isEqualTo(404);
    }

    @Test
    void missingFieldsAndWrongContentTypeAre4xx() {
        Answer missing = api.rp("POST", "/discharge-to-hospital", Map.of("offenderNo", "A1234BC"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errorCode").isNull()).isTrue();
        assertThat(missing.json().get("developerMessage").asText()).contains("fromLocationId");
        Answer text = api.send("POST", "/discharge-to-hospital", Map.of("Authorization", "Bearer " + api.token(),
                "Content-Type", "text/plain"), "hello");
        assertThat(text.status()).isEqualTo(415);
        assertThat(state().patients()).noneMatch(p -> p.prisonerNumber().equals("A1234BC"));
    }

    @Test
    void getLooksUpAgenciesAndUnknownIs404() {
        SandboxState.PersonSnapshot person = prisoner(0);
        discharge(person.prisonNumber(), person.prisonAgencyId(), "RAMPTN");
        Answer answer = api.rp("GET", "/restricted-patient/prison-number/" + person.prisonNumber(), null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode hospital = answer.json().get("hospitalLocation");
        assertThat(hospital.get("agencyId").asText()).isEqualTo("RAMPTN");
        assertThat(hospital.get("description").asText()).isEqualTo("Rampton Hospital");
        assertThat(hospital.get("agencyType").asText()).isEqualTo("HSHOSP");
        assertThat(hospital.get("active").asBoolean()).isTrue();
        assertThat(answer.json().at("/fromLocation/agencyType").asText()).isEqualTo("INST");

        assertError(api.rp("GET", "/restricted-patient/prison-number/A0000AA", null), 404, null, null,
                "No restricted patient record found for prison number A0000AA");
    }

    @Test
    void changeSupportingPrisonChecksItsRules() {
        SandboxState.PersonSnapshot person = prisoner(0);
        String n = person.prisonNumber();
        String current = person.prisonAgencyId();
        discharge(n, current, "RAMPTN");

        assertError(api.rp("POST", "/change-supporting-prison", Map.of("offenderNo", n, "supportingPrisonId", current)),
                400, "PRISON_UNCHANGED", "Prisoner (" + n + ") already supported by " + current,
                "Validation failure: Prisoner (" + n + ") already supported by " + current);
        assertError(api.rp("POST", "/change-supporting-prison", Map.of("offenderNo", n, "supportingPrisonId", "XXX")),
                400, "PRISON_NOT_FOUND", "Prison XXX not found", "Validation failure: Prison XXX not found");
        assertThat(api.rp("POST", "/change-supporting-prison", Map.of("offenderNo", "A0000AA", "supportingPrisonId", "MDI"))
                .status()).isEqualTo(404);

        String other = current.equals("LEI") ? "WWI" : "LEI";
        Answer changed = api.rp("POST", "/change-supporting-prison", Map.of("offenderNo", n, "supportingPrisonId", other));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().at("/supportingPrison/agencyId").asText()).isEqualTo(other);
        assertThat(state().patient(n).orElseThrow().supportingPrisonId()).isEqualTo(other);
    }

    @Test
    void deleteReturnsTheDeletedEntity() {
        SandboxState.PersonSnapshot person = prisoner(0);
        String n = person.prisonNumber();
        discharge(n, person.prisonAgencyId(), "RAMPTN");
        Answer deleted = api.rp("DELETE", "/restricted-patient/prison-number/" + n, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(fieldNames(deleted.json())).containsExactlyInAnyOrder("prisonerNumber", "fromLocationId",
                "hospitalLocationCode", "supportingPrisonId", "dischargeTime", "commentText", "createDateTime",
                "createUserId", "modifyDateTime", "modifyUserId");
        assertThat(deleted.json().get("hospitalLocationCode").asText()).isEqualTo("RAMPTN");
        assertThat(deleted.json().get("modifyUserId").isNull()).isTrue();
        assertThat(state().patient(n)).isEmpty();
        assertError(api.rp("DELETE", "/restricted-patient/prison-number/" + n, null), 404, null, null,
                "No restricted patient record found for prison number " + n);
    }

    @Test
    void migrateInWorksForSeededHospitalReleasesOnly() {
        SandboxState.PersonSnapshot released = state().peopleToMigrate().get(0);
        String n = released.prisonNumber();
        Answer migrated = api.rp("POST", "/migrate-in-restricted-patient", Map.of("offenderNo", n,
                "hospitalLocationCode", released.hospitalAgencyId()));
        assertThat(migrated.status()).as(migrated.toString()).isEqualTo(201);
        assertThat(migrated.json().get("commentText").asText())
                .isEqualTo("Historical discharge to hospital added to restricted patients");
        assertThat(migrated.json().at("/fromLocation/agencyId").asText()).isEqualTo(released.prisonAgencyId());
        assertThat(migrated.json().at("/supportingPrison/agencyId").asText()).isEqualTo(released.prisonAgencyId());

        assertThat(api.rp("POST", "/migrate-in-restricted-patient", Map.of("offenderNo", n, "hospitalLocationCode", "RAMPTN"))
                .json().get("errorCode").asText()).isEqualTo("EXISTING_PATIENT");
        String inPrison = prisoner(0).prisonNumber();
        assertError(api.rp("POST", "/migrate-in-restricted-patient", Map.of("offenderNo", inPrison, "hospitalLocationCode", "RAMPTN")),
                400, "NO_MOVEMENTS", "Prisoner (" + inPrison + ") does not have the correct latest movements to migrate",
                "Validation failure: Prisoner (" + inPrison + ") does not have the correct latest movements to migrate");
    }

    @Test
    void anUnknownHospitalFailsUpstreamAndNothingIsSaved() {
        SandboxState.PersonSnapshot person = prisoner(0);
        Answer answer = discharge(person.prisonNumber(), person.prisonAgencyId(), "NOWHERE");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("errorCode").asText()).isEqualTo("UPSTREAM_ERROR");
        assertThat(state().patient(person.prisonNumber())).isEmpty();
        SandboxState.PersonSnapshot released = state().peopleToMigrate().get(0);
        assertThat(api.rp("POST", "/migrate-in-restricted-patient", Map.of("offenderNo", released.prisonNumber(),
                "hospitalLocationCode", "NOWHERE")).status()).isEqualTo(500);
        assertThat(state().patient(released.prisonNumber())).isEmpty();
        assertThat(sandbox.ledger()).isEmpty();
    }

    @Test
    void aLongCommentFailsLikeTheDatabaseWould() {
        SandboxState.PersonSnapshot person = prisoner(0);
        Answer answer = api.rp("POST", "/discharge-to-hospital", Map.of("offenderNo", person.prisonNumber(),
                "fromLocationId", person.prisonAgencyId(), "hospitalLocationCode", "RAMPTN", "commentText", "x".repeat(241)));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("userMessage").asText()).startsWith("Unexpected error");
        assertThat(state().patient(person.prisonNumber())).isEmpty();
    }

    @Test
    void someSeededPeopleAreRestrictedPatientsAlready() {
        assertThat(state().patients()).isNotEmpty();
        SandboxState.PatientSnapshot patient = state().patients().get(0);
        Answer answer = api.rp("GET", "/restricted-patient/prison-number/" + patient.prisonerNumber(), null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/hospitalLocation/agencyId").asText()).isEqualTo(patient.hospitalLocationCode());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
