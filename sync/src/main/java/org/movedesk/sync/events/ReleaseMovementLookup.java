package org.movedesk.sync.events;

import java.util.Optional;

/**
 * Finds the facts of a prisoner's release to hospital (from prison, hospital, time, comment)
 * that adding a restricted patient needs. The central service reads them from the last NOMIS
 * movement; {@link EventReleaseMovementLookup} reads them from the event itself. Empty means
 * "not a release to a hospital we can name": the event is acknowledged and logged, as the
 * central service does when one of its checks fails.
 */
public interface ReleaseMovementLookup {

    Optional<ReleaseMovement> lastRelease(ReleasedToHospitalEvent event);

    record ReleaseMovement(String fromAgencyId, String hospitalLocationCode, java.time.LocalDateTime dischargeTime,
                           String commentText) {
    }
}
