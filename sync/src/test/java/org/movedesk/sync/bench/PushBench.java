package org.movedesk.sync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveType;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.push.Backoff;
import org.movedesk.sync.push.PushSettings;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.testing.DeskHarness;
import org.movedesk.sync.testing.Workload;

/**
 * Push 10,000 queued actions to the sandbox on loopback (target: 15 s). Not a test: run with
 * {@code java -cp <test classpath> org.movedesk.sync.bench.PushBench [actions] [workers]}.
 * The queue is recorded first (not timed); then the worker drains it and the time is printed.
 */
public final class PushBench {

    private PushBench() {
    }

    public static void main(String[] args) throws Exception {
        int actions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int moves = actions / 4; // each move: create, accept, start, complete
        Path store = Files.createTempDirectory("movedesk-push-bench");
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().people(moves * 2 + 500).threads(8).build());
             DeskHarness desk = DeskHarness.start(store, sandbox.baseUri(),
                     new PushSettings(workers, 256, Duration.ofMillis(100), Backoff.defaults()),
                     CentralProperties.Timeouts.defaults())) {
            long t0 = System.nanoTime();
            List<SandboxState.PersonSnapshot> people = Workload.prepare(desk, sandbox, moves);
            List<SandboxState.LocationSnapshot> courts = sandbox.state().locationsOfType("court");
            int i = 0;
            for (SandboxState.PersonSnapshot p : people) {
                UUID personId = desk.people().findByPrisonNumber(p.prisonNumber()).orElseThrow().getId();
                UUID prison = sandbox.state().locationByAgencyId(p.prisonAgencyId()).orElseThrow().id();
                Move m = desk.moves().book(DeskHarness.staff(), new BookMove(personId, MoveType.COURT_APPEARANCE, prison,
                        courts.get(i++ % courts.size()).id(), LocalDate.now().plusDays(1), null, null, false));
                desk.moves().accept(DeskHarness.staff(), m.getId(), null, null);
                desk.moves().start(DeskHarness.staff(), m.getId(), null, null);
                desk.moves().complete(DeskHarness.staff(), m.getId(), null, null);
            }
            long queued = desk.centralOpen();
            System.out.printf("queued %d actions in %.1f s (not part of the figure)%n", queued, (System.nanoTime() - t0) / 1e9);

            double cpu0 = SandboxProcess.cpuSeconds();
            long start = System.nanoTime();
            desk.startPush();
            desk.awaitDrained(Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("PUSH %d actions, %d workers: %.1f s, %.0f actions/s, %d HTTP requests, failed %d, conflicts %d%n",
                    queued, workers, seconds, queued / seconds, desk.recorder.all().size(),
                    desk.outbox().counts().failed(), desk.outbox().counts().conflict());
            System.out.printf("CPU used by desk and sandbox during the drain: %.1f s; load average %.1f on %d cores%n",
                    SandboxProcess.cpuSeconds() - cpu0, SandboxProcess.loadAverage(), Runtime.getRuntime().availableProcessors());
            System.out.printf("peak RSS of this JVM (desk and sandbox together): %d MB%n", SandboxProcess.peakRssMb());
        }
        System.exit(0);
    }
}
