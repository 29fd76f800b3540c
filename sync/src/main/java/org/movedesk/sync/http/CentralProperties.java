package org.movedesk.sync.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the central services live and how to reach them ({@code movedesk.central.*}).
 *
 * @param movesUrl     base URL of the Moves API (paths start with {@code /api/...})
 * @param rpUrl        base URL of the Restricted Patients API
 * @param tokenUrl     OAuth2 token endpoint (client credentials)
 * @param clientId     OAuth2 client id
 * @param clientSecret OAuth2 client secret
 * @param timeouts     connect/read/write/call timeouts
 * @param proxy        optional HTTP proxy
 * @param truststore   optional extra CA certificates (never "trust all")
 */
@ConfigurationProperties("movedesk.central")
public record CentralProperties(
        URI movesUrl,
        URI rpUrl,
        URI tokenUrl,
        String clientId,
        String clientSecret,
        @DefaultValue Timeouts timeouts,
        @DefaultValue Proxy proxy,
        @DefaultValue Truststore truststore) {

    public CentralProperties {
        timeouts = timeouts == null ? Timeouts.defaults() : timeouts;
        proxy = proxy == null ? new Proxy(null, 0, null, null) : proxy;
        truststore = truststore == null ? new Truststore(null, null, null) : truststore;
    }

    /** Plain constructor for tests and the sandbox: defaults for everything but the endpoints. */
    public static CentralProperties of(URI movesUrl, URI rpUrl, URI tokenUrl, String clientId, String clientSecret) {
        return new CentralProperties(movesUrl, rpUrl, tokenUrl, clientId, clientSecret, null, null, null);
    }

    public CentralProperties withTimeouts(Timeouts newTimeouts) {
        return new CentralProperties(movesUrl, rpUrl, tokenUrl, clientId, clientSecret, newTimeouts, proxy, truststore);
    }

    public CentralProperties withClientSecret(String newSecret) {
        return new CentralProperties(movesUrl, rpUrl, tokenUrl, clientId, newSecret, timeouts, proxy, truststore);
    }

    public CentralProperties withTruststore(Truststore newTruststore) {
        return new CentralProperties(movesUrl, rpUrl, tokenUrl, clientId, clientSecret, timeouts, proxy, newTruststore);
    }

    /**
     * @param call whole call including a slowly trickling body; bounds a server that never finishes
     */
    public record Timeouts(
            @DefaultValue("5s") Duration connect,
            @DefaultValue("30s") Duration read,
            @DefaultValue("30s") Duration write,
            @DefaultValue("60s") Duration call) {
        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    /** {@code host} empty = direct connection. */
    public record Proxy(String host, int port, String username, String password) {
        public boolean enabled() {
            return host != null && !host.isBlank() && port > 0;
        }
    }

    /**
     * Extra trusted CA certificates, added to the JDK's own.
     *
     * @param path     a PKCS12/JKS keystore or a PEM file with one or more certificates
     * @param password keystore password (not needed for PEM)
     * @param type     PKCS12 (default), JKS or PEM
     */
    public record Truststore(Path path, String password, String type) {
        public boolean configured() {
            return path != null;
        }
    }
}
