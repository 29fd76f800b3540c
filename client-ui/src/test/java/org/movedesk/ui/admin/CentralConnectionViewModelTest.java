package org.movedesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.testing.SameThreadTaskRunner;

/** Test connection against the real sandbox on loopback: ok, wrong secret, unreachable. */
class CentralConnectionViewModelTest {

    private static Sandbox sandbox;

    @TempDir Path store;
    private final Session session = new Session();
    private final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    private CentralConnectionViewModel central;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        session.signedIn(new Actor("admin", java.util.Set.of(Role.ADMIN), "desk"));
        String base = sandbox.baseUri().toString().replaceAll("/$", "");
        CentralProperties running = CentralProperties.of(java.net.URI.create(base), java.net.URI.create(base),
                java.net.URI.create(base + "/oauth/token"), sandbox.config().clientId(), sandbox.config().clientSecret());
        central = new CentralConnectionViewModel(new CentralSettingsStore(
                new org.movedesk.core.ops.config.SettingsFile(store.resolve("settings.properties")), null), running,
                new SyncConnectionTester(Clock.systemUTC()), session, tasks);
        central.load();
    }

    @Test
    void rightSettingsConnectAndGiveTheServersTime() {
        central.testConnection();
        assertThat(central.resultProperty().get().outcome()).isEqualTo(ConnectionTester.Outcome.OK);
        assertThat(central.resultTextProperty().get()).startsWith("Connected").contains("The centre's time is");
        assertThat(central.resultProperty().get().serverTime()).isNotNull();
        assertThat(central.testingProperty().get()).isFalse();
    }

    @Test
    void aWrongSecretSaysSo() {
        central.clientSecretProperty().set("not-the-secret");
        central.testConnection();
        assertThat(central.resultProperty().get().outcome()).isEqualTo(ConnectionTester.Outcome.WRONG_CREDENTIALS);
        assertThat(central.resultTextProperty().get()).contains("refused the client id or secret");
    }

    @Test
    void anUnreachableCentreSaysWhatToCheck() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        central.tokenUrlProperty().set("http://127.0.0.1:" + closed + "/oauth/token");
        central.testConnection();
        assertThat(central.resultProperty().get().outcome()).isEqualTo(ConnectionTester.Outcome.UNREACHABLE);
        assertThat(central.resultTextProperty().get()).contains("Could not reach the centre").contains("proxy");
    }

    @Test
    void badUrlsAreNamedAndNothingIsTested() {
        central.movesUrlProperty().set("ftp://example");
        central.clientIdProperty().set(" ");
        central.testConnection();
        assertThat(central.errorProperty().get()).contains("Moves API URL must start with https://").contains("client id");
        assertThat(central.resultProperty().get()).isNull();
        assertThat(tasks.titles).isEmpty();
    }

    @Test
    void saveWritesTheUrlsAndIdButNeverTheSecret() throws Exception {
        central.clientIdProperty().set("desk-42");
        central.clientSecretProperty().set("a-new-secret-typed-here");
        assertThat(central.save()).isTrue();
        String written = Files.readString(store.resolve("settings.properties"));
        assertThat(written).contains("movedesk.central.client-id=desk-42").contains("movedesk.central.moves-url=")
                .doesNotContain("a-new-secret-typed-here").doesNotContain(sandbox.config().clientSecret())
                .doesNotContain("secret");
        assertThat(central.noticeProperty().get()).contains("the desk uses them from its next start")
                .contains("not stored: this desk has no secret store");
        assertThat(central.errorProperty().get()).isEmpty();

        central.load();
        assertThat(central.clientIdProperty().get()).isEqualTo("desk-42");
    }

    @Test
    void aChangedTokenUrlIsSavedWithTheOtherAddresses() throws Exception {
        central.tokenUrlProperty().set("https://sign-in.example.gov.uk/oauth/token");
        assertThat(central.save()).isTrue();
        assertThat(central.errorProperty().get()).isEmpty();
        assertThat(central.noticeProperty().get()).contains("the desk uses them from its next start");
        central.load();
        assertThat(central.tokenUrlProperty().get()).isEqualTo("https://sign-in.example.gov.uk/oauth/token");
    }
}
