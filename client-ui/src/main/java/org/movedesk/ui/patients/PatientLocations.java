package org.movedesk.ui.patients;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.movedesk.core.locations.Location;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;

/** The prisons and hospitals the restricted-patient screens offer (active, with an agency id). */
public final class PatientLocations {

    static final Set<LocationType> HOSPITALS = EnumSet.of(LocationType.HOSPITAL, LocationType.HIGH_SECURITY_HOSPITAL);
    static final Set<LocationType> PRISONS = EnumSet.of(LocationType.PRISON);
    private static final int LIMIT = 2000;

    private final LocationService locations;

    public PatientLocations(LocationService locations) {
        this.locations = locations;
    }

    /** Called off the UI thread. */
    public List<LocationChoice> hospitals() {
        return choices(HOSPITALS);
    }

    /** Called off the UI thread. */
    public List<LocationChoice> prisons() {
        return choices(PRISONS);
    }

    private List<LocationChoice> choices(Set<LocationType> types) {
        return locations.search("", types, LIMIT).stream()
                .filter(Location::isActive)
                .filter(location -> location.getNomisAgencyId() != null && !location.getNomisAgencyId().isBlank())
                .map(LocationChoice::of)
                .sorted(java.util.Comparator.comparing(LocationChoice::title))
                .toList();
    }
}
