package org.movedesk.core.locations;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.ReferenceDataChanged;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reference data: the centre owns locations, the desk keeps a copy for offline work. */
@Service
public class LocationService {

    private final LocationRepository locations;
    private final AfterCommit afterCommit;
    private final Clock clock;

    public LocationService(LocationRepository locations, AfterCommit afterCommit, Clock clock) {
        this.locations = locations;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /** Title prefix, exact NOMIS agency id or exact key; empty types = all types. */
    @Transactional(readOnly = true)
    public List<Location> search(String text, Set<LocationType> types, int limit) {
        String t = text == null ? "" : text.trim();
        Set<LocationType> wanted = types == null || types.isEmpty() ? EnumSet.allOf(LocationType.class) : types;
        String upper = t.toUpperCase(Locale.ROOT);
        return locations.search(upper + "%", upper, t, wanted, PageRequest.of(0, Math.max(1, limit)));
    }

    @Transactional(readOnly = true)
    public Location get(UUID id) {
        return locations.findById(id).orElseThrow(() -> new NotFoundException("No location with id " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Location> findByAgencyId(String agencyId) {
        if (agencyId == null || agencyId.isBlank()) {
            return Optional.empty();
        }
        return locations.findFirstByNomisAgencyIdOrderByActiveDesc(agencyId.trim().toUpperCase(Locale.ROOT));
    }

    /** Inserts or updates reference data from the centre; returns how many rows changed. */
    @Transactional
    public int upsertFromCentral(Actor system, List<LocationData> data) {
        Permissions.require(system, "update reference data", Role.SYSTEM, Role.ADMIN);
        Instant now = Times.now(clock);
        int changed = 0;
        for (LocationData d : data) {
            if (d.id() == null || d.key() == null || d.title() == null || d.title().isBlank()) {
                throw new ValidationException("location", "A location from the centre needs an id, key and title: " + d);
            }
            LocationType type = d.type() == null ? LocationType.OTHER : d.type();
            String agency = d.nomisAgencyId() == null ? null : d.nomisAgencyId().trim().toUpperCase(Locale.ROOT);
            Optional<Location> existing = locations.findById(d.id());
            if (existing.isPresent()) {
                Location l = existing.get();
                if (!d.key().equals(l.getKey()) || !d.title().equals(l.getTitle()) || type != l.getType()
                        || !java.util.Objects.equals(agency, l.getNomisAgencyId()) || d.active() != l.isActive()) {
                    l.update(d.key(), d.title(), type, agency, d.active(), now);
                    changed++;
                }
            } else {
                locations.save(new Location(d.id(), d.key(), d.title(), type, agency, d.active(), now));
                changed++;
            }
        }
        if (changed > 0) {
            afterCommit.publish(new ReferenceDataChanged());
        }
        return changed;
    }
}
