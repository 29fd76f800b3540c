package org.movedesk.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer ready to be written: status, headers and body bytes. Immutable, so an idempotent replay can
 * send exactly the first answer again.
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON_API = "application/vnd.api+json";
    public static final String JSON = "application/json";

    public Reply {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static Reply json(int status, String contentType, Object value) {
        return new Reply(status, Map.of("Content-Type", contentType), Json.bytes(value));
    }

    public static Reply jsonApi(int status, Object value) {
        return json(status, JSON_API, value);
    }

    public static Reply plainJson(int status, Object value) {
        return json(status, JSON, value);
    }

    public static Reply noContent() {
        return new Reply(204, Map.of(), new byte[0]);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, copy, body);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
