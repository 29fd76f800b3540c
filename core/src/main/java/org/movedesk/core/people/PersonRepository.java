package org.movedesk.core.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, UUID> {

    Optional<Person> findByPrisonNumber(String prisonNumber);

    Optional<Person> findByCentralId(String centralId);

    @Query("select p from Person p where p.nameKey like :prefix order by p.nameKey")
    List<Person> searchByNameKey(String prefix, Pageable page);
}
