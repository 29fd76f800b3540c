package org.movedesk.core.moves;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What the moves screen asks for: moves in and out of these locations (empty = all) between
 * two dates inclusive, optionally only some statuses and types, optionally matching a text
 * (prison number, reference or name prefix).
 */
public record MoveFilter(Set<UUID> locationIds, LocalDate from, LocalDate to, Set<MoveStatus> statuses,
                         Set<MoveType> types, String text) {

    public static MoveFilter day(Set<UUID> locationIds, LocalDate day) {
        return new MoveFilter(locationIds, day, day, Set.of(), Set.of(), null);
    }

    public static MoveFilter week(Set<UUID> locationIds, LocalDate firstDay) {
        return new MoveFilter(locationIds, firstDay, firstDay.plusDays(6), Set.of(), Set.of(), null);
    }
}
