package org.movedesk.sync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Records every request the desk sends (placed inside the bearer-token interceptor, so it sees the
 * final headers, including a retry after a 401) for the contract check and for assertions.
 */
public final class TrafficRecorder implements Interceptor {

    private final ConcurrentLinkedQueue<RecordedExchange> exchanges = new ConcurrentLinkedQueue<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String body = null;
        if (request.body() != null) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            body = buffer.readString(StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : request.headers().names()) {
            headers.put(name, request.headers(name));
        }
        if (request.body() != null && request.body().contentType() != null && request.header("Content-Type") == null) {
            headers.put("Content-Type", List.of(request.body().contentType().toString()));
        }
        HttpUrl url = request.url();
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            query.put(name, url.queryParameterValues(name).stream().map(v -> v == null ? "" : v).toList());
        }
        int status = -1;
        try {
            Response response = chain.proceed(request);
            status = response.code();
            return response;
        } finally {
            exchanges.add(new RecordedExchange(request.method(), url.toString(), url.encodedPath(), query, headers, body,
                    status));
        }
    }

    public List<RecordedExchange> all() {
        return new ArrayList<>(exchanges);
    }

    public void clear() {
        exchanges.clear();
    }
}
