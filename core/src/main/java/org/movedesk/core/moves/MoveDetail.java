package org.movedesk.core.moves;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Everything the move screen shows about one move (no entity leaves core's queries). */
public record MoveDetail(MoveRow row, String centralId, long version, UUID personId, String pncNumber,
                         LocalDate dateOfBirth, String notes, CancellationReason cancellationReason,
                         String cancellationComment, RejectionReason rejectionReason, UUID rebookedAs,
                         UUID rebookedFrom, boolean refreshed, Instant createdAt, Instant updatedAt) {
}
