package org.movedesk.core.restrictedpatients;

import java.time.LocalDateTime;

/** The RP API's discharge-to-hospital request; supportingPrisonId, dischargeTime and commentText optional. */
public record DischargeToHospital(String offenderNo, String fromLocationId, String hospitalLocationCode,
                                  String supportingPrisonId, LocalDateTime dischargeTime, String commentText) {
}
