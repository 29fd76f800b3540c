package org.movedesk.core.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProfileRepository extends JpaRepository<Profile, UUID> {

    List<Profile> findByPersonIdOrderByCreatedAtAsc(UUID personId);

    Optional<Profile> findByCentralId(String centralId);

    /** id, central id, person id of the profiles with these central ids (no entities: a pulled page asks for 2000). */
    @Query("select p.id, p.centralId, p.person.id from Profile p where p.centralId in :centralIds")
    List<Object[]> idsByCentralIdIn(Collection<String> centralIds);

    /** id, central id, person id of these people's profiles, oldest first. */
    @Query("select p.id, p.centralId, p.person.id from Profile p where p.person.id in :personIds order by p.createdAt asc")
    List<Object[]> idsByPersonIdIn(Collection<UUID> personIds);
}
