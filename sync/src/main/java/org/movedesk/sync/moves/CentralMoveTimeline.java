package org.movedesk.sync.moves;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.movedesk.core.history.timeline.CentralTimelineEvent;
import org.movedesk.core.history.timeline.CentralTimelineSource;
import org.movedesk.sync.http.ApiResponse;

/**
 * Core's {@link CentralTimelineSource} over the Moves API: {@code GET /api/moves/{id}?include=timeline_events}.
 * Any trouble reaching or reading the centre answers "could not ask" (empty), never an error:
 * the supervisor still sees the local timeline, with a note saying the centre was not asked.
 * A move the centre does not know (404) answers an empty list.
 */
public final class CentralMoveTimeline implements CentralTimelineSource {

    private static final Logger LOG = LoggerFactory.getLogger(CentralMoveTimeline.class);

    private final MovesApiClient moves;

    public CentralMoveTimeline(MovesApiClient moves) {
        this.moves = moves;
    }

    @Override
    public Optional<List<CentralTimelineEvent>> fetch(String centralMoveId) {
        if (centralMoveId == null || centralMoveId.isBlank()) {
            return Optional.of(List.of());
        }
        try {
            ApiResponse answer = readOnceMore(centralMoveId);
            if (answer.status() == 404) {
                return Optional.of(List.of());
            }
            if (!answer.ok() || answer.json() == null) {
                LOG.info("Central timeline of move {} not available: HTTP {}", centralMoveId, answer.status());
                return Optional.empty();
            }
            return Optional.of(events(answer.json()));
        } catch (IOException | RuntimeException unreachable) {
            LOG.info("Central timeline of move {} not available: {}", centralMoveId, unreachable.toString());
            return Optional.empty();
        }
    }

    /** A GET is safe to repeat: one dropped connection (a stale pooled socket) should not hide the centre. */
    private ApiResponse readOnceMore(String centralMoveId) throws IOException {
        try {
            return moves.getMoveTimeline(centralMoveId, null);
        } catch (IOException dropped) {
            LOG.debug("Central timeline of move {}: {}; asking once more", centralMoveId, dropped.toString());
            return moves.getMoveTimeline(centralMoveId, null);
        }
    }

    /** The {@code included} resources of type {@code events}, oldest first; one bad event is skipped, not fatal. */
    static List<CentralTimelineEvent> events(JsonNode document) {
        List<CentralTimelineEvent> events = new ArrayList<>();
        for (JsonNode resource : document.path("included")) {
            if (!"events".equals(resource.path("type").asText())) {
                continue;
            }
            JsonNode attributes = resource.path("attributes");
            Instant occurredAt = instant(attributes.path("occurred_at").asText(null));
            String eventType = attributes.path("event_type").asText(null);
            if (occurredAt == null || eventType == null) {
                LOG.warn("Skipping a central timeline event without type or time: {}", resource.path("id").asText());
                continue;
            }
            Map<String, String> details = new LinkedHashMap<>();
            attributes.path("details").fields().forEachRemaining(field ->
                    details.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
            if (attributes.hasNonNull("notes")) {
                details.put("notes", attributes.get("notes").asText());
            }
            if (attributes.hasNonNull("created_by")) {
                details.put("created_by", attributes.get("created_by").asText());
            }
            events.add(new CentralTimelineEvent(resource.path("id").asText(), eventType, occurredAt, details));
        }
        events.sort(Comparator.comparing(CentralTimelineEvent::occurredAt));
        return events;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException bad) {
                return null;
            }
        }
    }
}
