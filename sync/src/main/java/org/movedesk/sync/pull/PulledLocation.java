package org.movedesk.sync.pull;

/** A central location (reference data). */
public record PulledLocation(String id, String key, String title, String locationType, String nomisAgencyId,
                             boolean disabled) {
}
