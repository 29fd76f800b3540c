package org.movedesk.sync.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer dispatcher: tokens are always granted (unless told otherwise); other requests
 * are answered by handlers keyed by "METHOD /path" (exact path without query), falling back to 404.
 */
public final class ScriptedCentral extends Dispatcher {

    private final Map<String, Function<RecordedRequest, MockResponse>> handlers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private volatile Function<RecordedRequest, MockResponse> tokens = r -> token("t-" + System.nanoTime());

    public static MockResponse token(String value) {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"access_token\":\"" + value + "\",\"token_type\":\"bearer\",\"expires_in\":7200}");
    }

    public void on(String methodAndPath, Function<RecordedRequest, MockResponse> handler) {
        handlers.put(methodAndPath, handler);
    }

    public void tokens(Function<RecordedRequest, MockResponse> handler) {
        this.tokens = handler;
    }

    public java.util.List<RecordedRequest> requests(String methodAndPath) {
        return requests.stream().filter(r -> key(r).equals(methodAndPath)).toList();
    }

    private static String key(RecordedRequest r) {
        String path = r.getPath() == null ? "" : r.getPath();
        int q = path.indexOf('?');
        return r.getMethod() + " " + (q < 0 ? path : path.substring(0, q));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String k = key(request);
        if (k.equals("POST /oauth/token")) {
            return tokens.apply(request);
        }
        Function<RecordedRequest, MockResponse> h = handlers.get(k);
        return h == null ? new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/vnd.api+json")
                .setBody("{\"errors\":[{\"title\":\"Resource not found\",\"detail\":\"no handler for " + k + "\"}]}")
                : h.apply(request);
    }
}
