package org.movedesk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.outbox.OutboxCounts;
import org.movedesk.sandbox.Faults;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.testing.DeskHarness;
import org.movedesk.sync.testing.Workload;

/**
 * Fault trials: with a fifth of the requests answered 500/503, some connections dropped after the
 * centre applied the request, some answers cut in half, some 429s and added latency, a queue of
 * 1,000 actions still drains completely and every action is applied exactly once.
 */
class FaultTest {

    @TempDir
    Path store;

    @Test
    void aThousandActionsDrainThroughInjectedFaults() throws Exception {
        int moves = Integer.getInteger("movedesk.faults.moves", 375); // ~1,000 outbox entries
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().people(1500).build());
             DeskHarness desk = DeskHarness.start(store, sandbox.baseUri())) {
            long t0 = System.nanoTime();
            List<SandboxState.PersonSnapshot> people = Workload.prepare(desk, sandbox, moves);
            int entries = Workload.recordMoves(desk, sandbox, people, 1);
            assertThat(entries).isGreaterThanOrEqualTo(moves * 8 / 3);

            long t1 = System.nanoTime();
            sandbox.faults().apply(new Faults(5, 0.20, 0.05, 0.02, 1, 0.02));
            desk.startPush();
            OutboxCounts counts = desk.awaitDrained(Duration.ofMinutes(5));
            sandbox.faults().clear();
            System.out.printf("fault trial: %d entries recorded in %d s, drained through faults in %d s, %d requests%n",
                    entries, Duration.ofNanos(t1 - t0).toSeconds(), Duration.ofNanos(System.nanoTime() - t1).toSeconds(),
                    desk.recorder.all().size());

            assertThat(counts.failed()).isZero();
            assertThat(counts.conflict()).isZero();
            Workload.verifyExactlyOnce(desk, sandbox);
            assertThat(desk.contractProblems()).isEmpty();
        }
    }
}
