package org.movedesk.sync.http;

import java.net.InetSocketAddress;
import java.util.List;

import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp client every central call goes through (connection pool, dispatcher and TLS
 * set-up shared by the Moves API, Restricted Patients API and token clients).
 */
public final class CentralHttpClientFactory {

    private CentralHttpClientFactory() {
    }

    /**
     * @param interceptors application interceptors, outermost first (observer, bearer token, test recorders)
     */
    public static OkHttpClient create(CentralProperties props, List<Interceptor> interceptors) {
        CentralProperties.Timeouts t = props.timeouts();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(t.connect())
                .readTimeout(t.read())
                .writeTimeout(t.write())
                .callTimeout(t.call())
                // retries are the push worker's business (same idempotency key, back-off, attempt counted);
                // OkHttp silently repeating a POST would hide the attempt from the outbox
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        TrustConfig.Tls tls = TrustConfig.build(props.truststore());
        b.sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager());
        CentralProperties.Proxy proxy = props.proxy();
        if (proxy.enabled()) {
            b.proxy(new java.net.Proxy(java.net.Proxy.Type.HTTP, new InetSocketAddress(proxy.host(), proxy.port())));
            if (proxy.username() != null && !proxy.username().isBlank()) {
                String credential = Credentials.basic(proxy.username(), proxy.password() == null ? "" : proxy.password());
                b.proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null
                        ? null
                        : response.request().newBuilder().header("Proxy-Authorization", credential).build());
            }
        }
        // shorter than common server idle timeouts, so a pooled connection is rarely one the server has closed
        b.connectionPool(new okhttp3.ConnectionPool(8, 20, java.util.concurrent.TimeUnit.SECONDS));
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequestsPerHost(16);
        b.dispatcher(dispatcher);
        interceptors.forEach(b::addInterceptor);
        return b.build();
    }
}
