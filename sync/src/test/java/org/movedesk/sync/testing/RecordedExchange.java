package org.movedesk.sync.testing;

import java.util.List;
import java.util.Map;

/** One request the desk sent, as it went on the wire, and the status it got (-1 = no answer). */
public record RecordedExchange(String method, String url, String path, Map<String, List<String>> query,
                               Map<String, List<String>> headers, String body, int status) {

    public String header(String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isEmpty() ? null : e.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return method + " " + url + " -> " + status;
    }
}
