package org.movedesk.sync.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import okhttp3.Interceptor;
import okhttp3.Response;

/** Reports each exchange's outcome and the server's {@code Date} header to a {@link TrafficListener}. */
public final class TrafficObservingInterceptor implements Interceptor {

    private final TrafficListener listener;
    private final Clock clock;

    public TrafficObservingInterceptor(TrafficListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            listener.onNoAnswer(e);
            throw e;
        }
        Date date = response.headers().getDate("Date");
        listener.onAnswer(response.code(), date == null ? null : date.toInstant(), Instant.now(clock));
        return response;
    }
}
