package org.movedesk.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** Reading JSON:API request bodies: the {@code data} envelope, attributes and relationship ids. */
public final class Bodies {

    private Bodies() {
    }

    /** The {@code data} object; 400 when the body has none (upstream: {@code params.require(:data)}). */
    public static JsonNode data(HttpCall call, String expectedType) {
        JsonNode root;
        try {
            root = call.json();
        } catch (Json.BadJsonException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject() || data.isEmpty()) {
            throw ApiError.badRequest("param is missing or the value is empty: data");
        }
        String type = Json.text(data, "type");
        if (expectedType != null && !expectedType.equals(type)) {
            throw ApiError.unprocessable("Type must be " + expectedType + (type == null ? "" : ", was " + type),
                    "/data/type", "inclusion");
        }
        return data;
    }

    public static JsonNode attributes(JsonNode data) {
        JsonNode attributes = data.get("attributes");
        return attributes != null && attributes.isObject() ? attributes : Json.object();
    }

    /** Whether a relationship is present in the body at all (even as {@code {"data": null}}). */
    public static boolean hasRelationship(JsonNode data, String name) {
        JsonNode rels = data.get("relationships");
        return rels != null && rels.has(name);
    }

    /**
     * The id of {@code relationships.<name>.data.id}; null when absent or null. A value that is not a UUID
     * gives 422 with the relationship's pointer.
     */
    public static UUID relationshipId(JsonNode data, String name) {
        JsonNode rels = data.get("relationships");
        JsonNode rel = rels == null ? null : rels.get(name);
        JsonNode relData = rel == null ? null : rel.get("data");
        if (relData == null || relData.isNull()) {
            return null;
        }
        String id = Json.text(relData, "id");
        if (id == null) {
            throw ApiError.unprocessable(name + " must have an id", "/data/relationships/" + name, "blank");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiError.unprocessable(name + " id is not a UUID: " + id, "/data/relationships/" + name, "invalid");
        }
    }

    public static ObjectNode resourceDocument(ObjectNode data) {
        ObjectNode root = Json.object();
        root.set("data", data);
        return root;
    }
}
