package org.movedesk.core.moves;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MoveRepository extends JpaRepository<Move, UUID> {

    Optional<Move> findByCentralId(String centralId);

    @Query("select m from Move m where m.person.id = :personId and m.from.id = :fromId and m.to.id = :toId"
            + " and m.date = :date and m.status not in :ignored and m.id <> :self")
    List<Move> findActiveDuplicates(UUID personId, UUID fromId, UUID toId, LocalDate date,
                                    Collection<MoveStatus> ignored, UUID self);

    @Query("select m from Move m where m.person.id = :personId and m.from.id = :fromId and m.to is null"
            + " and m.date = :date and m.status not in :ignored and m.id <> :self")
    List<Move> findActiveDuplicatesWithoutTo(UUID personId, UUID fromId, LocalDate date,
                                             Collection<MoveStatus> ignored, UUID self);

    /** A rebooked proposed move made locally by reject-with-rebook; the centre makes its own twin. */
    @Query("select m from Move m where m.centralId is null and m.rebookedFrom is not null and m.person.id = :personId"
            + " and m.from.id = :fromId and m.status = org.movedesk.core.moves.MoveStatus.PROPOSED")
    List<Move> findUnlinkedRebooks(UUID personId, UUID fromId);
}
