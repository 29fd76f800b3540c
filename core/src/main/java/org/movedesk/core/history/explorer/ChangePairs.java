package org.movedesk.core.history.explorer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.movedesk.core.common.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pairs an entry's before and after JSON into field-level changes. Nested objects become dotted
 * paths; arrays and scalars compare as their JSON text; a field that is null or absent on one
 * side counts as absent. Bodies that are not JSON objects compare as one field "(body)".
 */
public final class ChangePairs {

    private ChangePairs() {
    }

    public static List<FieldChange> of(String beforeJson, String afterJson) {
        Map<String, String> before = flatten(beforeJson);
        Map<String, String> after = flatten(afterJson);
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String b = before.get(field);
            String a = after.get(field);
            if (!Objects.equals(a, b)) {
                changes.add(new FieldChange(field, b, a));
            }
        }
        return changes;
    }

    static Map<String, String> flatten(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode node;
        try {
            node = Json.read(json);
        } catch (IllegalArgumentException notJson) {
            out.put("(body)", json);
            return out;
        }
        if (node == null || !node.isObject()) {
            out.put("(body)", json);
            return out;
        }
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            JsonNode v = f.getValue();
            if (v == null || v.isNull() || v.isMissingNode()) {
                continue;
            }
            if (v.isObject()) {
                flatten(path, v, out);
            } else if (v.isValueNode()) {
                out.put(path, v.asText());
            } else {
                out.put(path, v.toString());
            }
        }
    }
}
