package org.movedesk.sandbox.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The JSON:API {@code include} parameter, checked against what an endpoint allows (anything else is 400, as upstream). */
public final class Includes {

    private final Set<String> requested;

    private Includes(Set<String> requested) {
        this.requested = requested;
    }

    public static Includes parse(String param, List<String> allowed) {
        Set<String> requested = new LinkedHashSet<>();
        if (param == null || param.isBlank()) {
            return new Includes(requested);
        }
        for (String raw : param.split(",")) {
            String value = raw.trim();
            if (value.isEmpty()) {
                continue;
            }
            if (!allowed.contains(value)) {
                throw ApiError.badRequest(value + " is not supported. Valid values are: " + String.join(", ", allowed));
            }
            requested.add(value);
        }
        return new Includes(requested);
    }

    /** True when the value, or a longer path starting with it, was asked for ({@code profile.person} includes {@code profile}). */
    public boolean has(String value) {
        return requested.stream().anyMatch(r -> r.equals(value) || r.startsWith(value + "."));
    }

    public boolean isEmpty() {
        return requested.isEmpty();
    }
}
