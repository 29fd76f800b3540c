package org.movedesk.core.moves;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A move as the centre reports it (pull/refresh). Location ids are central ids (= local ids);
 * the person is matched by central id, then prison number, and created when unknown.
 */
public record CentralMove(String centralId, String reference, MoveStatus status, MoveType moveType, LocalDate date,
                          LocalTime timeDue, UUID fromLocationId, UUID toLocationId, String personCentralId,
                          String prisonNumber, String firstNames, String lastName, LocalDate dateOfBirth,
                          String profileCentralId, String notes, CancellationReason cancellationReason,
                          String cancellationComment, RejectionReason rejectionReason) {
}
