package org.movedesk.sync.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads fields from an event payload; a missing or mistyped field is a {@link PoisonMessageException}. */
final class EventFields {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private EventFields() {
    }

    /** A required string at a dotted path, e.g. {@code additionalInformation.nomsNumber}. */
    static String requiredText(JsonNode payload, String path) {
        JsonNode node = at(payload, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new PoisonMessageException("Missing field " + path);
        }
        if (!node.isTextual()) {
            throw new PoisonMessageException("Field " + path + " must be a string, was " + node.getNodeType());
        }
        if (node.asText().isBlank()) {
            throw new PoisonMessageException("Field " + path + " is blank");
        }
        return node.asText();
    }

    /** An optional string; present but not a string is still an error. */
    static String optionalText(JsonNode payload, String path) {
        JsonNode node = at(payload, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new PoisonMessageException("Field " + path + " must be a string, was " + node.getNodeType());
        }
        return node.asText();
    }

    /**
     * An optional ISO date-time ({@code occurredAt}, {@code eventDatetime}); a malformed one is
     * an error. Without an offset it is London time, as NOMIS writes its offender events.
     */
    static Instant optionalInstant(JsonNode payload, String path) {
        String text = optionalText(payload, path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(LONDON).toInstant();
            } catch (DateTimeParseException e) {
                throw new PoisonMessageException("Field " + path + " is not an ISO date-time: " + text, e);
            }
        }
    }

    private static JsonNode at(JsonNode payload, String path) {
        JsonNode node = payload;
        StringBuilder walked = new StringBuilder();
        for (String part : path.split("\\.")) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                throw new PoisonMessageException("Field " + walked + " must be an object, was " + node.getNodeType());
            }
            node = node.get(part);
            walked.append(walked.length() == 0 ? "" : ".").append(part);
        }
        return node;
    }
}
