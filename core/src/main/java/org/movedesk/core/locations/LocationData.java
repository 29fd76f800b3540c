package org.movedesk.core.locations;

import java.util.UUID;

/** A location as the centre describes it (reference data refresh). */
public record LocationData(UUID id, String key, String title, LocationType type, String nomisAgencyId, boolean active) {
}
