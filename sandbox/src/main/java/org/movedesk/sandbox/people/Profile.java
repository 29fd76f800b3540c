package org.movedesk.sandbox.people;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A person's profile at a point in time (the thing a move points at). Immutable. */
public record Profile(UUID id, UUID personId, JsonNode assessmentAnswers, Boolean requiresYouthRiskAssessment,
                      Instant createdAt) {
}
