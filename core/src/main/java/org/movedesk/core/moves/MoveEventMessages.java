package org.movedesk.core.moves;

import java.time.Instant;
import java.util.UUID;

import org.movedesk.core.common.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one place MoveDesk's own move events are shaped (docs/events.md describes them).
 * Message: {eventType, version: 1, eventId, occurredAt, moveId, reference, status, moveType,
 * fromAgencyId, toAgencyId, prisonNumber}. The outbox PUBLISH_EVENT payload wraps it as
 * {eventId, eventType, message}.
 */
public final class MoveEventMessages {

    public static final String BOOKED = "movedesk.move.booked";
    public static final int VERSION = 1;

    private MoveEventMessages() {
    }

    public static String eventType(MoveAction action) {
        return action.eventType();
    }

    public static ObjectNode message(String eventType, UUID eventId, Instant occurredAt, Move move) {
        ObjectNode m = Json.object();
        m.put("eventType", eventType);
        m.put("version", VERSION);
        m.put("eventId", eventId.toString());
        m.put("occurredAt", occurredAt.toString());
        m.put("moveId", move.getId().toString());
        m.put("reference", move.getReference());
        m.put("status", move.getStatus().apiValue());
        m.put("moveType", move.getMoveType().apiValue());
        m.put("fromAgencyId", move.getFrom().getNomisAgencyId());
        m.put("toAgencyId", move.getTo() == null ? null : move.getTo().getNomisAgencyId());
        m.put("prisonNumber", move.getPerson().getPrisonNumber());
        return m;
    }

    /** The PUBLISH_EVENT outbox payload: {eventId, eventType, message}. */
    public static String publishPayload(String eventType, Instant occurredAt, Move move) {
        UUID eventId = UUID.randomUUID();
        ObjectNode payload = Json.object();
        payload.put("eventId", eventId.toString());
        payload.put("eventType", eventType);
        payload.set("message", message(eventType, eventId, occurredAt, move));
        return Json.write(payload);
    }
}
