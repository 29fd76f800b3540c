package org.movedesk.sync.events;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Turns an SQS message into an {@link InboundEvent}. Accepts the SNS envelope (a
 * {@code Notification} whose {@code Message} field holds the event JSON as a string) and raw
 * delivery (the event JSON is the body). Anything else is a {@link PoisonMessageException}
 * that names what is wrong.
 */
public class InboundMessageParser {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";

    private final ObjectMapper json;

    public InboundMessageParser(ObjectMapper json) {
        this.json = json;
    }

    public InboundEvent parse(Message message) {
        String body = message.body();
        if (body == null || body.isBlank()) {
            throw new PoisonMessageException("Message body is empty");
        }
        JsonNode root = readJson(body, "Message body is not JSON");
        if (!root.isObject()) {
            throw new PoisonMessageException("Message body is JSON but not an object (" + root.getNodeType() + ")");
        }

        Map<String, String> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            String text = attributeText(value);
            if (text != null) {
                attributes.put(name, text);
            }
        });

        JsonNode payload;
        String envelopeId = null;
        if (isEnvelope(root)) {
            JsonNode inner = root.get("Message");
            if (!inner.isTextual()) {
                throw new PoisonMessageException("SNS envelope field Message must be a string holding JSON, was "
                        + inner.getNodeType());
            }
            payload = readJson(inner.asText(), "SNS envelope field Message is not JSON");
            if (!payload.isObject()) {
                throw new PoisonMessageException("SNS envelope field Message is JSON but not an object");
            }
            envelopeId = textOrNull(root.get("MessageId"));
            JsonNode envelopeAttributes = root.get("MessageAttributes");
            if (envelopeAttributes != null && envelopeAttributes.isObject()) {
                envelopeAttributes.fields().forEachRemaining(field -> {
                    JsonNode value = field.getValue().get("Value");
                    if (value != null && value.isValueNode()) {
                        attributes.putIfAbsent(field.getKey(), value.asText());
                    }
                });
            }
        } else {
            payload = root;
        }

        String eventType = eventType(payload, attributes);
        String eventId = attributes.get(EVENT_ID);
        String dedupKey = eventId != null ? "event:" + eventId
                : envelopeId != null ? "sns:" + envelopeId
                : "sqs:" + message.messageId();
        return new InboundEvent(dedupKey, eventType, payload, Map.copyOf(attributes), message.messageId(), body);
    }

    private static boolean isEnvelope(JsonNode root) {
        JsonNode type = root.get("Type");
        return root.has("Message") && (type == null || "Notification".equals(type.asText()));
    }

    private static String eventType(JsonNode payload, Map<String, String> attributes) {
        JsonNode field = payload.get(EVENT_TYPE);
        if (field != null && !field.isNull()) {
            if (!field.isTextual()) {
                throw new PoisonMessageException("Field eventType must be a string, was " + field.getNodeType());
            }
            if (field.asText().isBlank()) {
                throw new PoisonMessageException("Field eventType is blank");
            }
            return field.asText();
        }
        String attribute = attributes.get(EVENT_TYPE);
        if (attribute != null && !attribute.isBlank()) {
            return attribute;
        }
        throw new PoisonMessageException("Message has no eventType (neither in the payload nor as a message attribute)");
    }

    private JsonNode readJson(String text, String problem) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new PoisonMessageException(problem + ": empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException(problem + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String attributeText(MessageAttributeValue value) {
        return value.stringValue();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
