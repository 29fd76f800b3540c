package org.movedesk.core.locations;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LocationRepository extends JpaRepository<Location, UUID> {

    Optional<Location> findFirstByNomisAgencyIdOrderByActiveDesc(String nomisAgencyId);

    Optional<Location> findFirstByNomisAgencyIdAndTypeIn(String nomisAgencyId, Collection<LocationType> types);

    Optional<Location> findByKey(String key);

    @Query("select l from Location l where (l.titleKey like :prefix or upper(l.nomisAgencyId) = :exact or l.key = :key)"
            + " and l.type in :types order by l.active desc, l.title")
    List<Location> search(String prefix, String exact, String key, Collection<LocationType> types, Pageable page);
}
