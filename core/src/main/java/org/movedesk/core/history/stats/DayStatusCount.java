package org.movedesk.core.history.stats;

import java.time.LocalDate;

import org.movedesk.core.moves.MoveStatus;

/** Moves dated {@code day} that are now in {@code status}. */
public record DayStatusCount(LocalDate day, MoveStatus status, long moves) {
}
