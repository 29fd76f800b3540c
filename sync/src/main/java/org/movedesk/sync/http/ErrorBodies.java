package org.movedesk.sync.http;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns the two error dialects of the centre into one {@link CentralError}. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /** JSON:API {@code {"errors":[{"title","detail","code","source":{"pointer"}}]}} (Moves API). */
    public static CentralError fromJsonApi(ApiResponse r) {
        JsonNode errors = r.json() == null ? null : r.json().get("errors");
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            return unreadable(r);
        }
        JsonNode first = errors.get(0);
        List<String> details = new ArrayList<>();
        for (JsonNode e : errors) {
            String d = text(e, "detail");
            if (d == null) {
                d = text(e, "title");
            }
            if (d != null) {
                details.add(d);
            }
        }
        return new CentralError(r.status(), text(first, "code"), text(first, "title"),
                details.isEmpty() ? null : String.join("; ", details),
                first.path("source").hasNonNull("pointer") ? first.path("source").get("pointer").asText() : null);
    }

    /** Restricted Patients API {@code {status, errorCode, userMessage, developerMessage}}. */
    public static CentralError fromRestrictedPatients(ApiResponse r) {
        JsonNode body = r.json();
        if (body == null || !body.isObject() || (!body.has("userMessage") && !body.has("developerMessage"))) {
            return unreadable(r);
        }
        String user = text(body, "userMessage");
        String developer = text(body, "developerMessage");
        return new CentralError(r.status(), text(body, "errorCode"), user != null ? user : developer,
                developer, null);
    }

    private static CentralError unreadable(ApiResponse r) {
        String detail = r.body() == null || r.body().isBlank()
                ? "no error details in the answer"
                : "answer not in the documented error format (" + r.describeContentType() + "): " + r.preview();
        return new CentralError(r.status(), null, "HTTP " + r.status(), detail, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
