package org.movedesk.sync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.movedesk.core.desk.DeskService;
import org.movedesk.core.locations.Location;
import org.movedesk.core.locations.LocationRepository;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.sync.pull.PullService;
import org.movedesk.sync.testing.DeskHarness;

/**
 * Pull 100,000 moves into an empty cache (target: 10 s, RSS at most 512 MB). The sandbox runs in
 * its own JVM so the RSS printed is the desk's. Run with a desk-sized heap, e.g.
 * {@code java -Xmx384m -cp <test classpath> org.movedesk.sync.bench.PullBench [moves]}.
 */
public final class PullBench {

    private PullBench() {
    }

    public static void main(String[] args) throws Exception {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path store = Files.createTempDirectory("movedesk-pull-bench");
        try (SandboxProcess sandbox = SandboxProcess.start("3g", "--people=20000", "--moves=" + moves);
             DeskHarness desk = DeskHarness.start(store, sandbox.baseUri)) {
            desk.pull.refresh(); // reference data, so the desk can choose its locations
            Set<UUID> prisons = desk.bean(LocationRepository.class).findAll().stream()
                    .filter(l -> l.getType() == LocationType.PRISON).map(Location::getId).collect(Collectors.toSet());
            desk.bean(DeskService.class).setOwnLocations(new Actor("admin", Set.of(Role.ADMIN), DeskHarness.DESK), prisons);
            System.gc();
            double cpu0 = SandboxProcess.cpuSeconds();
            long start = System.nanoTime();
            PullService.Result r = desk.pull.refresh();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("PULL %d moves (%d pages, %d people) into an empty cache: %.1f s, %.0f moves/s%n",
                    r.moves(), r.pages(), r.people(), seconds, r.moves() / seconds);
            System.out.printf("of which reading pages (sandbox answering + transfer + JSON parse): %.1f s, core merging: %.1f s%n",
                    r.readMillis() / 1e3, r.applyMillis() / 1e3);
            System.out.printf("desk CPU used: %.1f s; load average %.1f on %d cores%n", SandboxProcess.cpuSeconds() - cpu0,
                    SandboxProcess.loadAverage(), Runtime.getRuntime().availableProcessors());
            System.out.printf("peak RSS of the desk JVM: %d MB (max heap %d MB)%n", SandboxProcess.peakRssMb(),
                    Runtime.getRuntime().maxMemory() >> 20);
            long start2 = System.nanoTime();
            desk.pull.refresh();
            System.out.printf("second refresh (nothing changed): %.1f s%n", (System.nanoTime() - start2) / 1e9);
        }
        System.exit(0);
    }
}
