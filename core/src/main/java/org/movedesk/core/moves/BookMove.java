package org.movedesk.core.moves;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A booking form. {@code proposed} books a proposed move (date optional), otherwise requested. */
public record BookMove(UUID personId, MoveType moveType, UUID fromId, UUID toId, LocalDate date,
                       LocalTime timeDue, String notes, boolean proposed) {
}
