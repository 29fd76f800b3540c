package org.movedesk.sync.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented schemas accept the documented examples and refuse what drifts from them. */
class EventSchemasTest {

    private static final String MOVE = """
            {"eventType":"movedesk.move.accepted","version":1,"eventId":"0b7e5a51-92a4-4c55-a4c6-0c6b2b3f6f0e",
             "occurredAt":"2026-11-25T13:05:31.204Z","moveId":"2f1c8d52-7a7c-4bf5-9b0a-2d6f8a5e4c11",
             "reference":"JHY4716X","status":"booked","moveType":"prison_transfer","fromAgencyId":"MDI",
             "toAgencyId":"LEI","prisonNumber":"G4821KT"}""";

    private static final String PATIENT = """
            {"eventType":"restricted-patients.patient.supporting-prison-changed",
             "additionalInformation":{"prisonerNumber":"G4821KT"},"version":1,
             "occurredAt":"2026-03-02T14:05:31.204117Z","publishedAt":"2026-03-02T14:05:31.204117Z",
             "description":"Supporting prisoner changed for restricted patient",
             "personReference":{"identifiers":[{"type":"NOMS","value":"G4821KT"}]}}""";

    @Test
    void theDocumentedExamplesAreValid() {
        EventSchemas.assertValid(EventSchemas.MOVE_EVENT, MOVE);
        EventSchemas.assertValid(EventSchemas.MOVE_EVENT, MOVE.replace("\"JHY4716X\"", "null"));
        EventSchemas.assertValid(EventSchemas.PATIENT_EVENT, PATIENT);
        EventSchemas.assertValid(EventSchemas.PATIENT_EVENT, PATIENT.replace("Z\"", "+01:00\""));
    }

    @Test
    void driftIsRefused() {
        assertThat(EventSchemas.isValid(EventSchemas.MOVE_EVENT, MOVE.replace("\"version\":1", "\"version\":2"))).isFalse();
        assertThat(EventSchemas.isValid(EventSchemas.MOVE_EVENT, MOVE.replace("\"booked\"", "\"BOOKED\""))).isFalse();
        assertThat(EventSchemas.isValid(EventSchemas.MOVE_EVENT, MOVE.replace("{\"eventType\"", "{\"extra\":1,\"eventType\"")))
                .as("unannounced field").isFalse();
        assertThat(EventSchemas.isValid(EventSchemas.MOVE_EVENT, MOVE.replace(",\"prisonNumber\":\"G4821KT\"", "")))
                .as("missing field").isFalse();
        assertThat(EventSchemas.isValid(EventSchemas.PATIENT_EVENT, PATIENT.replace("\"version\":1,", "")))
                .isFalse();
        assertThat(EventSchemas.isValid(EventSchemas.PATIENT_EVENT,
                PATIENT.replace("Supporting prisoner changed", "Supporting prison changed"))).as("central wording").isFalse();
        assertThat(EventSchemas.isValid(EventSchemas.PATIENT_EVENT, PATIENT.replace("\"NOMS\"", "\"PNC\""))).isFalse();
    }
}
