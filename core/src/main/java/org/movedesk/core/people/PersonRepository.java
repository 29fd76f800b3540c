package org.movedesk.core.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, UUID> {

    Optional<Person> findByPrisonNumber(String prisonNumber);

    Optional<Person> findByCentralId(String centralId);

    List<Person> findByCentralIdIn(Collection<String> centralIds);

    List<Person> findByPrisonNumberIn(Collection<String> prisonNumbers);

    /** Name prefix as an index range [prefix, prefixEnd). */
    @Query("select p from Person p where p.nameKey >= :prefix and p.nameKey < :prefixEnd order by p.nameKey")
    List<Person> searchByNameKey(String prefix, String prefixEnd, Pageable page);
}
