package org.movedesk.core.restrictedpatients;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.movedesk.core.common.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The exact domain events the central Restricted Patients API publishes (contract section 4.1),
 * fields in the central order: eventType, additionalInformation, version, occurredAt,
 * publishedAt (same value, Europe/London offset), description, personReference.
 */
public final class PatientEventMessages {

    public static final String ADDED = "restricted-patients.patient.added";
    public static final String REMOVED = "restricted-patients.patient.removed";
    public static final String SUPPORTING_PRISON_CHANGED = "restricted-patients.patient.supporting-prison-changed";

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private PatientEventMessages() {
    }

    public static String description(String eventType) {
        return switch (eventType) {
            case ADDED -> "Prisoner is now a restricted patient";
            case REMOVED -> "Prisoner no longer a restricted patient";
            case SUPPORTING_PRISON_CHANGED -> "Supporting prisoner changed for restricted patient";
            default -> throw new IllegalArgumentException("not a restricted-patient event: " + eventType);
        };
    }

    public static ObjectNode message(String eventType, String prisonerNumber, Clock clock) {
        String now = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(clock.withZone(LONDON)).toOffsetDateTime());
        ObjectNode m = Json.object();
        m.put("eventType", eventType);
        m.putObject("additionalInformation").put("prisonerNumber", prisonerNumber);
        m.put("version", 1);
        m.put("occurredAt", now);
        m.put("publishedAt", now);
        m.put("description", description(eventType));
        ArrayNode ids = m.putObject("personReference").putArray("identifiers");
        ids.addObject().put("type", "NOMS").put("value", prisonerNumber);
        return m;
    }

    /** The PUBLISH_EVENT outbox payload: {eventId, eventType, message}. */
    public static String publishPayload(String eventType, String prisonerNumber, Clock clock) {
        ObjectNode payload = Json.object();
        payload.put("eventId", UUID.randomUUID().toString());
        payload.put("eventType", eventType);
        payload.set("message", message(eventType, prisonerNumber, clock));
        return Json.write(payload);
    }
}
