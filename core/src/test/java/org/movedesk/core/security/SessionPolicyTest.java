package org.movedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SessionPolicyTest {

    private final Instant lastInput = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void locksAfterTheIdleTimeoutAndWarnsShortlyBefore() {
        SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(5), Duration.ofSeconds(30));
        assertThat(policy.shouldLock(lastInput, lastInput.plus(Duration.ofMinutes(4)))).isFalse();
        assertThat(policy.shouldWarn(lastInput, lastInput.plusSeconds(4 * 60 + 31))).isTrue();
        assertThat(policy.shouldWarn(lastInput, lastInput.plusSeconds(60))).isFalse();
        assertThat(policy.shouldLock(lastInput, lastInput.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(policy.remaining(lastInput, lastInput.plusSeconds(290))).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.remaining(lastInput, lastInput.plusSeconds(900))).isEqualTo(Duration.ZERO);
    }

    @Test
    void defaultsToTenMinutesAndZeroMeansNever() {
        assertThat(new SessionPolicy(null, null).idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        SessionPolicy never = new SessionPolicy(Duration.ZERO, null);
        assertThat(never.shouldLock(lastInput, lastInput.plus(Duration.ofDays(3)))).isFalse();
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofMinutes(-1), null))
                .hasMessageContaining("must not be negative");
    }
}
