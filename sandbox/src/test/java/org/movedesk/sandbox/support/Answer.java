package org.movedesk.sandbox.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.http.HttpHeaders;

/** A test's view of an HTTP answer: status, headers, body text and the body as JSON. */
public record Answer(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("answer " + status + " is not JSON: " + body, e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The first JSON:API error object. */
    public JsonNode firstError() {
        return json().path("errors").path(0);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
