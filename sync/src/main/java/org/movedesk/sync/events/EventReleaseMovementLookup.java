package org.movedesk.sync.events;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Takes the release facts from the event: {@code additionalInformation.prisonId} (from prison),
 * {@code hospitalLocationCode} or {@code toLocationId} (hospital), {@code occurredAt} (London
 * time, as NOMIS and the RP API keep local times) and {@code details} (comment).
 */
public class EventReleaseMovementLookup implements ReleaseMovementLookup {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final Clock clock;

    public EventReleaseMovementLookup(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<ReleaseMovement> lastRelease(ReleasedToHospitalEvent event) {
        if (event.prisonId() == null || event.hospitalCode() == null) {
            return Optional.empty();
        }
        LocalDateTime time = LocalDateTime.ofInstant(event.occurredAt() != null ? event.occurredAt() : clock.instant(),
                LONDON).withNano(0);
        String comment = event.details();
        if (comment != null && comment.length() > 240) {
            comment = comment.substring(0, 240);
        }
        return Optional.of(new ReleaseMovement(event.prisonId(), event.hospitalCode(), time, comment));
    }
}
