package org.movedesk.sync.pull;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A central move as read from a page, with the person behind its profile resolved from the includes. */
public record PulledMove(String centralId, String reference, String status, String moveType, LocalDate date,
                         OffsetDateTime timeDue, String fromLocationId, String toLocationId, String profileCentralId,
                         String personCentralId, String cancellationReason, String cancellationComment, String rejectionReason, String notes,
                         OffsetDateTime updatedAt) {
}
