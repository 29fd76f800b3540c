package org.movedesk.sync.events;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One consumed event, whatever form it arrived in (SNS envelope or raw delivery).
 *
 * @param dedupKey    what makes two deliveries "the same event": our {@code eventId} attribute,
 *                    else the SNS message id of the envelope, else the SQS message id
 * @param eventType   the domain event type ({@code eventType} in the payload or as attribute)
 * @param payload     the event JSON itself (the envelope's {@code Message}, parsed)
 * @param attributes  message attributes as strings (SQS attributes and envelope attributes merged)
 * @param sqsMessageId the SQS message id of this delivery
 * @param body        the SQS body exactly as received (kept for the needs-attention list)
 */
public record InboundEvent(String dedupKey, String eventType, JsonNode payload,
                           Map<String, String> attributes, String sqsMessageId, String body) {

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
