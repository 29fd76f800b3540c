package org.movedesk.sandbox.support;

import java.util.List;
import java.util.Map;

/** One recorded request and its answer, as seen on the wire by a test. */
public record Exchange(String method, String path, String query, Map<String, List<String>> requestHeaders,
                       String requestBody, int status, Map<String, List<String>> responseHeaders,
                       String responseBody) {

    public String contentType() {
        for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase("content-type") && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
