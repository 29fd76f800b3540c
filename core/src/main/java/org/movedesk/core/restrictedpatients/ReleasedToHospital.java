package org.movedesk.core.restrictedpatients;

import java.time.LocalDateTime;

/**
 * A prisoner-offender-search.prisoner.released event with reason RELEASED_TO_HOSPITAL, with the
 * facts of its last movement (from-agency, hospital, time, comment) already looked up by sync.
 */
public record ReleasedToHospital(String nomsNumber, String fromAgencyId, String hospitalLocationCode,
                                 LocalDateTime dischargeTime, String commentText) {
}
