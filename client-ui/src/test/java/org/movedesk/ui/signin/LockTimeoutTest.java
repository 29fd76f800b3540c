package org.movedesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.mock.env.MockEnvironment;

import org.movedesk.core.security.SessionPolicy;

/** The lock reads the documented key; the desk's old key is a deprecated fallback. */
class LockTimeoutTest {

    /** The policy as Spring binds it from the same environment, as in the running desk. */
    private static Duration resolve(MockEnvironment environment) {
        SessionPolicy policy = new Binder(ConfigurationPropertySources.get(environment))
                .bind("movedesk.security.session", SessionPolicy.class)
                .orElseGet(() -> new SessionPolicy(null, null));
        return LockTimeout.resolve(environment, policy);
    }

    @Test
    void theDocumentedKeyDecides() {
        assertThat(resolve(new MockEnvironment().withProperty("movedesk.security.session.idle-timeout", "3m")))
                .isEqualTo(Duration.ofMinutes(3));
        assertThat(resolve(new MockEnvironment().withProperty("movedesk.security.session.idle-timeout", "0")))
                .as("0 = never").isZero();
    }

    @Test
    void withoutAnySettingTheDeskLocksAfterTenMinutes() {
        assertThat(resolve(new MockEnvironment())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theOldKeyStillWorksWhenTheDocumentedOneIsNotSetAndLosesWhenItIs() {
        assertThat(resolve(new MockEnvironment().withProperty("movedesk.ui.lock-after", "90s"))).isEqualTo(Duration.ofSeconds(90));
        assertThat(resolve(new MockEnvironment().withProperty("movedesk.ui.lock-after", "90s")
                .withProperty("movedesk.security.session.idle-timeout", "5m"))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aNegativeOldValueIsRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> resolve(new MockEnvironment().withProperty("movedesk.ui.lock-after", "-1m")))
                .hasMessageContaining("movedesk.ui.lock-after");
    }
}
