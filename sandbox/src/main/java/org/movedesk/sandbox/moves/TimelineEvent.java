package org.movedesk.sandbox.moves;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a move's timeline ({@code GET /api/moves/{id}?include=timeline_events}).
 *
 * @param eventType  upstream's event name, e.g. {@code MoveAccept}
 * @param occurredAt the client's {@code timestamp} for events, the server time for creates and updates
 * @param sequence   arrival order, breaks ties between equal timestamps
 */
public record TimelineEvent(UUID id, String eventType, Instant occurredAt, Instant recordedAt, String createdBy,
                            String notes, Map<String, Object> details, long sequence) {
}
