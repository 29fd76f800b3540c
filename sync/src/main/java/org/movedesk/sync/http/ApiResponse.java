package org.movedesk.sync.http;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.Headers;

/**
 * A complete answer from the centre, body already read (bounded) and, when it is JSON, parsed.
 *
 * @param json null when the body is empty or not JSON
 */
public record ApiResponse(int status, Headers headers, String contentType, String body, JsonNode json) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** {@code Retry-After} in seconds (HTTP-date form is turned into a delay from now). */
    public Optional<Duration> retryAfter() {
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            java.util.Date date = headers.getDate("Retry-After");
            return date == null ? Optional.empty()
                    : Optional.of(Duration.between(java.time.Instant.now(), date.toInstant()).abs());
        }
    }

    /** The JSON body, or a {@link BadAnswerException} naming what we got instead. */
    public JsonNode requireJson() throws BadAnswerException {
        if (json == null) {
            if (body == null || body.isBlank()) {
                throw new BadAnswerException(status, "expected a JSON answer but the body was empty");
            }
            boolean saidJson = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
            throw new BadAnswerException(status, (saidJson ? "malformed JSON answer: " : "expected a JSON answer but got "
                    + describeContentType() + ": ") + preview());
        }
        return json;
    }

    public String describeContentType() {
        return contentType == null ? "no content type" : contentType;
    }

    public String preview() {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
