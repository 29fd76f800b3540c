package org.movedesk.sandbox.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real HTTP to a sandbox with the JDK client, recording every exchange for the contract check.
 * {@link #api} sends the Moves API headers (bearer token, JSON:API content type, version 2).
 */
public final class ApiClient {

    public static final String JSON_API = "application/vnd.api+json";
    public static final String ACCEPT_V2 = "application/vnd.api+json; version=2";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final Recorder recorder;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    public ApiClient(URI base, Recorder recorder) {
        this.base = base;
        this.recorder = recorder;
    }

    public String token() {
        if (token == null) {
            token = fetchToken("movedesk", "movedesk-secret");
        }
        return token;
    }

    public ApiClient useToken(String value) {
        this.token = value;
        return this;
    }

    public String fetchToken(String clientId, String secret) {
        Answer answer = tokenRequest(clientId, secret);
        if (answer.status() != 200) {
            throw new IllegalStateException("token request failed: " + answer);
        }
        return answer.json().get("access_token").asText();
    }

    /** POST /oauth/token with HTTP Basic credentials. */
    public Answer tokenRequest(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send("POST", "/oauth/token", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/x-www-form-urlencoded"), "grant_type=client_credentials");
    }

    public Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, apiHeaders(null), null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, apiHeaders(null), json(body));
    }

    /** POST with a fresh Idempotency-Key. */
    public Answer postIdempotent(String path, Object body) {
        return postWithKey(path, body, UUID.randomUUID().toString());
    }

    public Answer postWithKey(String path, Object body, String key) {
        return send("POST", path, apiHeaders(key), json(body));
    }

    public Answer patchWithKey(String path, Object body, String key) {
        return send("PATCH", path, apiHeaders(key), json(body));
    }

    /** Moves API headers; {@code key} may be null. */
    public Map<String, String> apiHeaders(String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token());
        headers.put("Content-Type", JSON_API);
        headers.put("Accept", ACCEPT_V2);
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return headers;
    }

    /** Plain JSON with the bearer token, for the Restricted Patients API. */
    public Answer rp(String method, String path, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token());
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return send(method, path, headers, body == null ? null : json(body));
    }

    public Answer send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        URI uri = request.uri();
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        headers.forEach((k, v) -> requestHeaders.put(k, List.of(v)));
        recorder.record(new Exchange(method, uri.getRawPath(), uri.getRawQuery(), requestHeaders, body,
                response.statusCode(), response.headers().map(), response.body()));
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    /** Sends without recording or retrying, for the fault tests that expect the connection to break. */
    public HttpResponse<String> raw(String method, String pathAndQuery, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static String json(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writeValueAsString(body instanceof JsonNode n ? n : MAPPER.valueToTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
