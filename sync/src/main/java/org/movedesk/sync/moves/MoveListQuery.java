package org.movedesk.sync.moves;

import java.time.LocalDate;

/** A date window at one location, seen either as origin or as destination (the API ANDs filters). */
public record MoveListQuery(LocalDate from, LocalDate to, String fromLocationId, String toLocationId) {

    public static MoveListQuery leaving(String locationId, LocalDate from, LocalDate to) {
        return new MoveListQuery(from, to, locationId, null);
    }

    public static MoveListQuery arriving(String locationId, LocalDate from, LocalDate to) {
        return new MoveListQuery(from, to, null, locationId);
    }
}
