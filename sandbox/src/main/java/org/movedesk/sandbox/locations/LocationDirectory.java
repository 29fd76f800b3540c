package org.movedesk.sandbox.locations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The reference locations, fixed after seeding. Read-only, so safe to share between threads. */
public final class LocationDirectory {

    private final Map<UUID, Location> byId = new LinkedHashMap<>();
    private final Map<String, Location> byAgencyId = new HashMap<>();

    public LocationDirectory(List<Location> locations) {
        for (Location location : locations) {
            byId.put(location.id(), location);
            byAgencyId.put(location.nomisAgencyId().toUpperCase(Locale.ROOT), location);
        }
    }

    public List<Location> all() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    public Optional<Location> byId(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Location> byAgencyId(String agencyId) {
        return agencyId == null ? Optional.empty() : Optional.ofNullable(byAgencyId.get(agencyId.toUpperCase(Locale.ROOT)));
    }

    public List<Location> ofType(String locationType) {
        return byId.values().stream().filter(l -> l.locationType().equals(locationType)).toList();
    }
}
