package org.movedesk.core.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.movedesk.core.common.MoveDeskException;

/**
 * TLS trust for the central services: the Java runtime's CAs, plus the CA certificates in a PEM
 * file if a site runs its own CA ({@code movedesk.security.tls.ca-file}). Certificates are always
 * checked against a CA; there is no switch to trust everything. Hostname verification stays with
 * the HTTP client (OkHttp's default verifier). JDK only, so core stays free of HTTP libraries;
 * sync passes {@link #sslContext()} and {@link #trustManager()} to OkHttp's sslSocketFactory.
 */
public final class CustomCaTrust {

    private final X509TrustManager trustManager;

    private CustomCaTrust(X509TrustManager trustManager) {
        this.trustManager = trustManager;
    }

    /** caPemFile null or blank = the runtime's CAs only. */
    public static CustomCaTrust of(Path caPemFile) {
        try {
            X509TrustManager runtime = trustManagerFor(null);
            if (caPemFile == null) {
                return new CustomCaTrust(runtime);
            }
            Collection<X509Certificate> cas = readCertificates(caPemFile);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : cas) {
                store.setCertificateEntry("movedesk-ca-" + i++, ca);
            }
            return new CustomCaTrust(new Either(runtime, trustManagerFor(store)));
        } catch (GeneralSecurityException | IOException e) {
            throw new MoveDeskException("TLS_CA_UNUSABLE", "The CA file " + caPemFile + " cannot be used: "
                    + e.getMessage() + ". It must hold one or more PEM certificates.", e);
        }
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }

    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    private static Collection<X509Certificate> readCertificates(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            return out;
        }
    }

    private static X509TrustManager trustManagerFor(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X509 trust manager"));
    }

    /** Trusted if either the runtime's CAs or the site's CAs vouch for the chain. */
    private record Either(X509TrustManager runtime, X509TrustManager site) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                runtime.checkClientTrusted(chain, authType);
            } catch (CertificateException e) {
                site.checkClientTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                runtime.checkServerTrusted(chain, authType);
            } catch (CertificateException notRuntime) {
                site.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = runtime.getAcceptedIssuers();
            X509Certificate[] b = site.getAcceptedIssuers();
            X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
