package org.movedesk.sync.moves;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import org.movedesk.sync.http.BadAnswerException;

/**
 * The fields of a central move the desk cares about, read from a JSON:API resource. A move
 * without id, status or type is not a move we can use: reading it fails with a clear message.
 */
public record CentralMoveResource(
        String id,
        String reference,
        String status,
        String moveType,
        LocalDate date,
        OffsetDateTime timeDue,
        String fromLocationId,
        String toLocationId,
        String profileId,
        String cancellationReason,
        String cancellationComment,
        String rejectionReason,
        String notes,
        OffsetDateTime updatedAt) {

    public static CentralMoveResource read(JsonNode resource, int status) throws BadAnswerException {
        String id = resource.path("id").asText(null);
        String st = JsonApi.attribute(resource, "status");
        String type = JsonApi.attribute(resource, "move_type");
        if (id == null || id.isBlank() || st == null || type == null) {
            throw new BadAnswerException(status, "move resource lacks id, status or move_type: "
                    + abbreviate(resource.toString()));
        }
        try {
            String date = JsonApi.attribute(resource, "date");
            String due = JsonApi.attribute(resource, "time_due");
            String updated = JsonApi.attribute(resource, "updated_at");
            return new CentralMoveResource(id, JsonApi.attribute(resource, "reference"), st, type,
                    date == null ? null : LocalDate.parse(date),
                    due == null ? null : OffsetDateTime.parse(due),
                    JsonApi.relationshipId(resource, "from_location"),
                    JsonApi.relationshipId(resource, "to_location"),
                    JsonApi.relationshipId(resource, "profile"),
                    JsonApi.attribute(resource, "cancellation_reason"),
                    JsonApi.attribute(resource, "cancellation_reason_comment"),
                    JsonApi.attribute(resource, "rejection_reason"),
                    JsonApi.attribute(resource, "additional_information"),
                    updated == null ? null : OffsetDateTime.parse(updated));
        } catch (DateTimeParseException e) {
            throw new BadAnswerException(status, "move " + id + " has an unreadable date: " + e.getParsedString(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
