package org.movedesk.ui.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.movedesk.core.moves.CentralMove;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveSyncService;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.store.StoreUrl;
import org.movedesk.core.testing.CoreTestApplication;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.moves.MoveListBenchAccess;
import org.movedesk.ui.testing.SameThreadTaskRunner;

/**
 * How the move list behaves with 20,000 moves in one week at one prison: time to load a page
 * (what the UI thread waits for: nothing, it is a background task; what the user waits for:
 * the figures below), search, last page. Prints figures; run it with
 * {@code java -cp <test classpath> org.movedesk.ui.tools.MoveListBench [moves]}.
 */
public final class MoveListBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path store = Files.createTempDirectory("movedesk-bench");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CoreTestApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.datasource.url=" + StoreUrl.forDirectory(store), "logging.level.root=WARN")
                .run()) {
            StoreFixture fixture = context.getBean(StoreFixture.class).seed();
            MoveSyncService sync = context.getBean(MoveSyncService.class);
            Actor system = StoreFixture.system();
            LocalDate monday = LocalDate.now().with(java.time.DayOfWeek.MONDAY);
            UUID[] destinations = {StoreFixture.LEEDS, StoreFixture.GUILDFORD_COURT, StoreFixture.LEEDS_COURT,
                    StoreFixture.HAZELWOOD_HOSPITAL, StoreFixture.LEEDS_POLICE};
            long loadStart = System.nanoTime();
            // loaded the way a pull does it: pages of up to 2,000 through core's bulk merge
            List<CentralMove> page = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String number = String.format(Locale.ROOT, "B%04d%s", i % 10_000, i < 10_000 ? "AA" : "AB");
                page.add(new CentralMove(UUID.randomUUID().toString(), String.format("BEN%05dX", i),
                        MoveStatus.REQUESTED, MoveType.COURT_APPEARANCE, monday.plusDays(i % 7), LocalTime.of(8 + i % 10, 0),
                        StoreFixture.MOORLAND, destinations[i % destinations.length], "person-" + i, number,
                        "Bench", "Person" + i, LocalDate.of(1980, 1, 1), "profile-" + i, null, null, null, null));
                if (page.size() == 2_000 || i == count - 1) {
                    sync.applyCentralPage(system, page);
                    page.clear();
                }
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            MoveQueries queries = context.getBean(MoveQueries.class);
            SameThreadTaskRunner tasks = new SameThreadTaskRunner();
            org.movedesk.ui.common.Session session = new org.movedesk.ui.common.Session();
            session.signedIn(StoreFixture.staff());
            var list = MoveListBenchAccess.create(queries, tasks, new UiEventBus(), Set.of(StoreFixture.MOORLAND), monday,
                    session);

            System.out.printf(Locale.ROOT, "moves loaded: %d in %.1f s%n", count, loadSeconds);
            report("week, first page of 200", () -> MoveListBenchAccess.firstPage(list));
            report("week, last page", () -> MoveListBenchAccess.lastPage(list));
            report("week, search by prison number", () -> MoveListBenchAccess.search(list, "B0042AB"));
            report("week, search by name prefix", () -> MoveListBenchAccess.search(list, "person19"));
            report("week, grouped by destination (page)", () -> MoveListBenchAccess.grouped(list));
            System.out.printf(Locale.ROOT, "rows on the FX side at any time: at most %d%n", MoveListBenchAccess.pageSize());
        } finally {
            StoreFixture.deleteQuietly(store);
        }
    }

    private static void report(String what, Runnable action) {
        for (int i = 0; i < 5; i++) {
            action.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            action.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-40s median %6.1f ms   p95 %6.1f ms%n", what,
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]);
        Arrays.fill(sorted, 0);
    }
}
