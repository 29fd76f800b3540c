package org.movedesk.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A received request, read once: method, path, decoded query, headers and body. */
public final class HttpCall {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final URI baseUri;
    private JsonNode json;

    public HttpCall(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                    URI baseUri) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
        this.baseUri = baseUri;
    }

    public static HttpCall read(HttpExchange exchange, URI baseUri) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        return new HttpCall(exchange.getRequestMethod().toUpperCase(), uri.getRawPath() == null ? "/" : decodePath(uri.getRawPath()),
                uri.getRawQuery(), exchange.getRequestHeaders(), body, baseUri);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> params() {
        return Collections.unmodifiableMap(query);
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public byte[] body() {
        return body;
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** The body as JSON; throws {@link Json.BadJsonException} when it is not. */
    public JsonNode json() {
        if (json == null) {
            json = Json.parse(body);
        }
        return json;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** Query and form values: '+' is a space, as URLEncoder and browsers write it. */
    public static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Paths: '+' is a literal plus. */
    private static String decodePath(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
