package org.movedesk.core.history.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a move's central timeline ({@code GET /api/moves/{id}?include=timeline_events}),
 * in neutral form: sync maps the JSON:API resource to it.
 *
 * @param id         the central event id
 * @param eventType  the central event type, e.g. {@code MoveAccept}, {@code MoveCancel}
 * @param occurredAt the event's {@code occurred_at}
 * @param details    the event's details as text (notes, reasons), may be empty
 */
public record CentralTimelineEvent(String id, String eventType, Instant occurredAt, Map<String, String> details) {

    public CentralTimelineEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
