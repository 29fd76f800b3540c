package org.movedesk.sync.moves;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.movedesk.sync.http.BadAnswerException;

/** Small helpers for JSON:API documents: building request bodies and reading resources with their includes. */
public final class JsonApi {

    private JsonApi() {
    }

    /** {@code {"data":{"type":type,"attributes":{}}}}; returns the data object to fill. */
    public static ObjectNode document(ObjectMapper json, ObjectNode root, String type) {
        ObjectNode data = root.putObject("data");
        data.put("type", type);
        data.putObject("attributes");
        return data;
    }

    public static void relate(ObjectNode data, String name, String type, String id) {
        if (id == null) {
            return;
        }
        ObjectNode rels = data.has("relationships") ? (ObjectNode) data.get("relationships") : data.putObject("relationships");
        ObjectNode ref = rels.putObject(name).putObject("data");
        ref.put("type", type);
        ref.put("id", id);
    }

    /** {@code data.relationships.<name>.data.id}, or null. */
    public static String relationshipId(JsonNode resource, String name) {
        JsonNode id = resource.path("relationships").path(name).path("data").path("id");
        return id.isTextual() ? id.asText() : null;
    }

    public static String attribute(JsonNode resource, String name) {
        JsonNode v = resource.path("attributes").get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The {@code data} object of a single-resource answer, with an id. */
    public static JsonNode requireResource(JsonNode document, int status) throws BadAnswerException {
        JsonNode data = document.get("data");
        if (data == null || !data.isObject() || !data.path("id").isTextual() || data.path("id").asText().isBlank()) {
            throw new BadAnswerException(status, "answer has no data.id");
        }
        return data;
    }

    /** Included resources by "type/id". */
    public static Map<String, JsonNode> included(JsonNode document) {
        Map<String, JsonNode> byKey = new HashMap<>();
        JsonNode included = document.get("included");
        if (included != null && included.isArray()) {
            for (JsonNode r : included) {
                byKey.put(r.path("type").asText() + "/" + r.path("id").asText(), r);
            }
        }
        return byKey;
    }
}
