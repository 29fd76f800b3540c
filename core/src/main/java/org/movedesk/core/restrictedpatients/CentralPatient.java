package org.movedesk.core.restrictedpatients;

import java.time.LocalDateTime;

/** The centre's record of a restricted patient, as the sync module read it (agency ids are NOMIS ids). */
public record CentralPatient(String prisonerNumber, String fromLocationId, String hospitalLocationCode,
                             String supportingPrisonId, LocalDateTime dischargeTime, String commentText) {
}
