package org.movedesk.sandbox;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting on loopback, port 0, a busy port, and freeing the port on close. */
class SandboxLifecycleTest {

    @Test
    void portZeroPicksAFreeLoopbackPort() {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().people(5).build())) {
            assertThat(sandbox.port()).isPositive();
            assertThat(sandbox.baseUri().toString()).isEqualTo("http://127.0.0.1:" + sandbox.port());
        }
    }

    @Test
    void closeFreesThePortForTheNextSandbox() {
        int port;
        try (Sandbox first = Sandbox.start(SandboxConfig.builder().people(5).build())) {
            port = first.port();
        }
        try (Sandbox second = Sandbox.start(SandboxConfig.builder().people(5).port(port).build())) {
            assertThat(second.port()).isEqualTo(port);
        }
    }

    @Test
    void aBusyPortIsAClearError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            assertThatThrownBy(() -> Sandbox.start(SandboxConfig.builder().people(5).port(port).build()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("port " + port);
        }
    }

    @Test
    void configRejectsNonsense() {
        assertThatThrownBy(() -> SandboxConfig.builder().port(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> SandboxConfig.builder().tokenTtl(java.time.Duration.ZERO)).hasMessageContaining("tokenTtl");
        assertThatThrownBy(() -> SandboxConfig.builder().clientId(" ")).hasMessageContaining("clientId");
        assertThatThrownBy(() -> new Faults(0, 1.2, 0, 0, 1, 0)).hasMessageContaining("errorRate");
    }
}
