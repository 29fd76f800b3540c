package org.movedesk.sandbox.moves;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** All moves. Not thread-safe: callers hold the world lock. */
public final class MoveBook {

    private final Map<UUID, Move> moves = new LinkedHashMap<>();

    public void add(Move move) {
        moves.put(move.id(), move);
    }

    public Optional<Move> byId(UUID id) {
        return Optional.ofNullable(moves.get(id));
    }

    public Collection<Move> all() {
        return moves.values();
    }

    public int size() {
        return moves.size();
    }

    /** Another live move of the same person on the same route and date, which makes a new one a duplicate. */
    public Optional<Move> duplicateOf(UUID personId, UUID from, UUID to, LocalDate date, UUID ignoring) {
        if (personId == null || date == null) {
            return Optional.empty();
        }
        return moves.values().stream()
                .filter(m -> !m.id().equals(ignoring))
                .filter(Move::countsForDuplicates)
                .filter(m -> personId.equals(m.personId()))
                .filter(m -> from.equals(m.fromLocationId()))
                .filter(m -> Objects.equals(to, m.toLocationId()))
                .filter(m -> date.equals(m.date()))
                .findFirst();
    }
}
