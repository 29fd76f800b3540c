package org.movedesk.sync.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of {@code prisoner-offender-search.prisoner.released} (reason
 * RELEASED_TO_HOSPITAL) that adding a patient needs.
 *
 * @param prisonId     the prison released from ({@code additionalInformation.prisonId})
 * @param hospitalCode the hospital agency, when the event names it ({@code additionalInformation.toLocationId}
 *                     or {@code hospitalLocationCode}); else core decides from what the desk knows
 */
public record ReleasedToHospitalEvent(String prisonerNumber, String prisonId, String hospitalCode,
                                      Instant occurredAt, String details) {

    static ReleasedToHospitalEvent from(JsonNode payload, String prisonerNumber, Instant occurredAt) {
        String prison = EventFields.optionalText(payload, "additionalInformation.prisonId");
        String hospital = EventFields.optionalText(payload, "additionalInformation.hospitalLocationCode");
        if (hospital == null) {
            hospital = EventFields.optionalText(payload, "additionalInformation.toLocationId");
        }
        String details = EventFields.optionalText(payload, "additionalInformation.details");
        return new ReleasedToHospitalEvent(prisonerNumber, prison, hospital, occurredAt, details);
    }
}
