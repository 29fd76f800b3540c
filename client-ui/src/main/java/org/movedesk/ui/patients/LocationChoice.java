package org.movedesk.ui.patients;

import java.util.Locale;
import java.util.UUID;

import org.movedesk.core.locations.Location;

/**
 * A prison or hospital the operator can pick: the restricted-patient records use NOMIS agency
 * ids ({@code MDI}, {@code HAZLWD}), the picker shows the title with the id so both read right.
 */
public record LocationChoice(UUID id, String agencyId, String title) {

    public static LocationChoice of(Location location) {
        return new LocationChoice(location.getId(), location.getNomisAgencyId(), location.getTitle());
    }

    /** What the searchable picker matches against and shows. */
    @Override
    public String toString() {
        return agencyId == null ? title : title + " (" + agencyId + ")";
    }

    boolean matches(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return wanted.isEmpty() || toString().toUpperCase(Locale.ROOT).contains(wanted);
    }
}
