package org.movedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.common.MoveDeskException;

/** Certificates made with the JDK's keytool: a site CA is trusted when configured, nothing else. */
class CustomCaTrustTest {

    @TempDir
    static Path dir;
    static Path siteCa;
    static Path strangerCa;

    @BeforeAll
    static void certificates() throws Exception {
        siteCa = selfSigned("site-ca");
        strangerCa = selfSigned("stranger");
    }

    @Test
    void theSiteCaIsTrustedOnlyWhenConfigured() throws Exception {
        X509Certificate[] siteChain = {read(siteCa)};
        CustomCaTrust.of(siteCa).trustManager().checkServerTrusted(siteChain, "RSA");

        assertThatThrownBy(() -> CustomCaTrust.of(null).trustManager().checkServerTrusted(siteChain, "RSA"))
                .as("the runtime's CAs do not know the site CA").isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> CustomCaTrust.of(siteCa).trustManager()
                .checkServerTrusted(new X509Certificate[] {read(strangerCa)}, "RSA"))
                .as("no trust-all: a certificate from another CA is refused").isInstanceOf(CertificateException.class);
        assertThat(CustomCaTrust.of(siteCa).sslContext().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void aBrokenCaFileIsAClearError() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        assertThatThrownBy(() -> CustomCaTrust.of(junk)).isInstanceOf(MoveDeskException.class)
                .hasMessageContaining("The CA file " + junk + " cannot be used");
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static Path selfSigned(String name) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path store = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        run(keytool, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name,
                "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(), "-storepass", "changeit",
                "-storetype", "PKCS12");
        run(keytool, "-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        return pem;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }
}
