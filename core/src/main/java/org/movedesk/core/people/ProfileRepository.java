package org.movedesk.core.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProfileRepository extends JpaRepository<Profile, UUID> {

    List<Profile> findByPersonIdOrderByCreatedAtAsc(UUID personId);

    Optional<Profile> findByCentralId(String centralId);
}
