package org.movedesk.sync.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the trust manager for the central services: the JDK's own CAs plus, when configured,
 * the organisation's CA. There is deliberately no "trust all" switch: a desk that cannot
 * verify the centre must stay offline rather than talk to whoever answers.
 */
public final class TrustConfig {

    private TrustConfig() {
    }

    public record Tls(SSLContext context, X509TrustManager trustManager) {
    }

    public static Tls build(CentralProperties.Truststore store) {
        try {
            X509TrustManager jdk = defaultTrustManager(null);
            if (store == null || !store.configured()) {
                return tlsOf(jdk);
            }
            KeyStore combined = KeyStore.getInstance(KeyStore.getDefaultType());
            combined.load(null, null);
            int i = 0;
            for (X509Certificate ca : jdk.getAcceptedIssuers()) {
                combined.setCertificateEntry("jdk-" + i++, ca);
            }
            for (Certificate extra : loadExtra(store)) {
                combined.setCertificateEntry("movedesk-" + i++, extra);
            }
            return tlsOf(defaultTrustManager(combined));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the truststore " + (store == null ? "" : store.path())
                    + ": " + e.getMessage(), e);
        }
    }

    private static Tls tlsOf(X509TrustManager tm) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        return new Tls(ctx, tm);
    }

    private static X509TrustManager defaultTrustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return Arrays.stream(tmf.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast)
                .findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X509 trust manager"));
    }

    private static java.util.List<Certificate> loadExtra(CentralProperties.Truststore store)
            throws IOException, GeneralSecurityException {
        String type = store.type() == null ? guessType(store.path().toString()) : store.type().toUpperCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(store.path())) {
            if (type.equals("PEM")) {
                var certs = new java.util.ArrayList<Certificate>(
                        CertificateFactory.getInstance("X.509").generateCertificates(in));
                if (certs.isEmpty()) {
                    throw new GeneralSecurityException("no certificate in PEM file");
                }
                return certs;
            }
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, store.password() == null ? null : store.password().toCharArray());
            var certs = new java.util.ArrayList<Certificate>();
            Enumeration<String> aliases = ks.aliases();
            while (aliases.hasMoreElements()) {
                Certificate c = ks.getCertificate(aliases.nextElement());
                if (c != null) {
                    certs.add(c);
                }
            }
            return certs;
        }
    }

    private static String guessType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pem") || lower.endsWith(".crt") || lower.endsWith(".cer")) {
            return "PEM";
        }
        return lower.endsWith(".jks") ? "JKS" : "PKCS12";
    }
}
