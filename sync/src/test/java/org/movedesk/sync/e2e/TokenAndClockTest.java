package org.movedesk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.sandbox.MutableClock;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.testing.DeskHarness;
import org.movedesk.sync.testing.RecordedExchange;
import org.movedesk.sync.testing.Workload;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Every token the desk holds expires in the middle of a drain (the centre's clock jumps an hour):
 * requests meet 401, the token is renewed once, and the queue still drains exactly once. Then the
 * desk's own clock drifts and the status warns about it.
 */
class TokenAndClockTest {

    @TempDir
    Path store;

    @Test
    void tokensExpiringMidDrainAreRenewedAndNothingIsLostOrDoubled() throws Exception {
        MutableClock centreClock = MutableClock.startingAt(Instant.now());
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().people(400).clock(centreClock)
                .tokenTtl(Duration.ofMinutes(30)).build());
             DeskHarness desk = DeskHarness.start(store, sandbox.baseUri())) {
            List<SandboxState.PersonSnapshot> people = Workload.prepare(desk, sandbox, 90);
            int entries = Workload.recordMoves(desk, sandbox, people, 1);
            sandbox.faults().setLatencyMillis(20); // keep the drain long enough to cut it in the middle

            desk.startPush();
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> confirmed(desk) >= entries / 3);
            centreClock.advance(Duration.ofHours(1));
            desk.awaitDrained(Duration.ofMinutes(3));

            Workload.verifyExactlyOnce(desk, sandbox);
            List<RecordedExchange> all = desk.recorder.all();
            assertThat(all).anyMatch(e -> e.status() == 401);
            assertThat(all.stream().filter(e -> e.status() == 401).map(e -> e.header("Authorization")).distinct())
                    .as("one stale token, renewed once, not a new token per request").hasSizeLessThanOrEqualTo(4);
            assertThat(desk.status.current().tokenProblem()).isNull();
            assertThat(desk.status.current().paused()).isFalse();
            assertThat(desk.status.current().clockSkewWarning()).isFalse();

            // the desk's clock drifts three minutes ahead of the centre's Date header
            desk.bean(org.movedesk.core.testing.MutableClock.class).advance(Duration.ofMinutes(3));
            desk.clients.moves().probe(java.time.LocalDate.now());
            assertThat(desk.status.current().clockSkewWarning()).isTrue();
            assertThat(desk.status.current().clockSkew()).isNegative();
        }
    }

    static long confirmed(DeskHarness desk) {
        Long n = desk.bean(NamedParameterJdbcTemplate.class).queryForObject(
                "select count(*) from outbox where channel = 'CENTRAL' and state = 'CONFIRMED'", Map.of(), Long.class);
        return n == null ? 0 : n;
    }
}
