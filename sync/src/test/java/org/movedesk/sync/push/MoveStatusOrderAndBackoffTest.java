package org.movedesk.sync.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MoveStatusOrderAndBackoffTest {

    @Test
    void aLaterForwardStatusShowsTheEffectButCancelledOnlyMatchesItself() {
        assertThat(MoveStatusOrder.reached("booked", "booked")).isTrue();
        assertThat(MoveStatusOrder.reached("booked", "in_transit")).isTrue();
        assertThat(MoveStatusOrder.reached("booked", "requested")).isFalse();
        assertThat(MoveStatusOrder.reached("booked", "cancelled")).isFalse();
        assertThat(MoveStatusOrder.reached("cancelled", "cancelled")).isTrue();
        assertThat(MoveStatusOrder.reached("cancelled", "completed")).isFalse();
        assertThat(MoveStatusOrder.reached(null, "booked")).isFalse();
    }

    @Test
    void backOffGrowsWithJitterAndStopsAtTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
        Duration first = b.after(1);
        assertThat(first).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(b.after(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(12));
        for (int attempts = 1; attempts < 200; attempts++) {
            assertThat(b.after(attempts)).isLessThanOrEqualTo(Duration.ofMinutes(5));
        }
        assertThat(b.after(50)).isGreaterThanOrEqualTo(Duration.ofSeconds(150));
    }
}
