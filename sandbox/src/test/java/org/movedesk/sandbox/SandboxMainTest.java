package org.movedesk.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line of the standalone jar. */
class SandboxMainTest {

    @Test
    void defaultsListenOn8089() {
        SandboxConfig config = SandboxMain.parse(new String[0]);
        assertThat(config.port()).isEqualTo(8089);
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.people()).isEqualTo(2000);
        assertThat(config.moves()).isZero();
        assertThat(config.faults()).isEqualTo(Faults.NONE);
    }

    @Test
    void everyFlagIsRead() {
        SandboxConfig config = SandboxMain.parse(new String[]{"--port=0", "--seed=7", "--people=50", "--moves=10",
                "--client-id=desk", "--client-secret=pw", "--token-ttl=5", "--threads=2", "--latency-ms=20",
                "--error-rate=0.1", "--drop-rate=0.2", "--429-rate=0.3", "--retry-after=4", "--truncate-rate=0.05"});
        assertThat(config.port()).isZero();
        assertThat(config.seed()).isEqualTo(7);
        assertThat(config.people()).isEqualTo(50);
        assertThat(config.moves()).isEqualTo(10);
        assertThat(config.clientId()).isEqualTo("desk");
        assertThat(config.clientSecret()).isEqualTo("pw");
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.threads()).isEqualTo(2);
        assertThat(config.faults()).isEqualTo(new Faults(20, 0.1, 0.2, 0.3, 4, 0.05));
    }

    @Test
    void badFlagsNameTheProblem() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--colour=red"})).hasMessageContaining("--colour");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--port=abc"})).hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--error-rate=2"})).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"8089"})).hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--people=-1"})).hasMessageContaining("people");
    }

    @Test
    void helpIsRecognised() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--help"})).isInstanceOf(SandboxMain.HelpRequested.class);
        assertThat(SandboxMain.USAGE).contains("--429-rate", "--truncate-rate", "/__admin");
    }
}
