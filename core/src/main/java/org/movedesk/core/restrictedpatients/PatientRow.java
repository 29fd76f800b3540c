package org.movedesk.core.restrictedpatients;

import java.time.LocalDateTime;

/** One line of the restricted-patient list; titles are the local location names (null when unknown). */
public record PatientRow(String prisonerNumber, String personName, String fromLocationId, String fromTitle,
                         String hospitalLocationCode, String hospitalTitle, String supportingPrisonId,
                         String supportingPrisonTitle, LocalDateTime dischargeTime, String commentText,
                         boolean pendingSync) {
}
