package org.movedesk.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.movedesk.sync.auth.BearerTokenInterceptor;
import org.movedesk.sync.auth.TokenCache;
import org.movedesk.sync.auth.TokenClient;
import org.movedesk.sync.http.CentralCaller;
import org.movedesk.sync.http.CentralHttpClientFactory;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.http.TrafficListener;
import org.movedesk.sync.http.TrafficObservingInterceptor;
import org.movedesk.sync.moves.MovesApiClient;
import org.movedesk.sync.patients.RestrictedPatientsClient;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The central API clients, wired on one OkHttp client: traffic observer (status) outermost, then
 * the bearer token, then any extra interceptors (tests record the final requests there).
 */
public final class CentralClients implements AutoCloseable {

    /** Renew this long before the token's stated expiry, so no request carries a token about to lapse. */
    public static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final OkHttpClient http;
    private final TokenCache tokens;
    private final MovesApiClient moves;
    private final RestrictedPatientsClient patients;
    private final CentralCaller caller;

    public CentralClients(CentralProperties props, ObjectMapper json, TrafficListener traffic, Clock clock,
                          List<Interceptor> innerInterceptors) {
        OkHttpClient bare = CentralHttpClientFactory.create(props, List.of());
        TokenClient tokenClient = new TokenClient(new CentralCaller(observed(bare, traffic, clock, List.of()), json), props, clock);
        this.tokens = new TokenCache(tokenClient, clock, RENEW_BEFORE);
        List<Interceptor> chain = new ArrayList<>();
        chain.add(new BearerTokenInterceptor(tokens));
        chain.addAll(innerInterceptors);
        this.http = observed(bare, traffic, clock, chain);
        this.caller = new CentralCaller(http, json);
        this.moves = new MovesApiClient(caller, props.movesUrl());
        this.patients = new RestrictedPatientsClient(caller, props.rpUrl());
    }

    /** Shares the connection pool and dispatcher of {@code bare}; only the interceptor chain differs. */
    private static OkHttpClient observed(OkHttpClient bare, TrafficListener traffic, Clock clock, List<Interceptor> more) {
        OkHttpClient.Builder b = bare.newBuilder();
        b.interceptors().clear();
        b.addInterceptor(new TrafficObservingInterceptor(traffic, clock));
        more.forEach(b::addInterceptor);
        return b.build();
    }

    public TokenCache tokens() {
        return tokens;
    }

    public MovesApiClient moves() {
        return moves;
    }

    public RestrictedPatientsClient patients() {
        return patients;
    }

    public CentralCaller caller() {
        return caller;
    }

    public OkHttpClient http() {
        return http;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
