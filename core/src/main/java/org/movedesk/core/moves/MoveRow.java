package org.movedesk.core.moves;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One line of a moves table; pendingSync = an unsent CENTRAL change exists for it. */
public record MoveRow(UUID id, String reference, MoveStatus status, MoveType moveType, LocalDate date,
                      LocalTime timeDue, UUID fromId, String fromTitle, UUID toId, String toTitle,
                      String prisonNumber, String personName, boolean pendingSync) {
}
