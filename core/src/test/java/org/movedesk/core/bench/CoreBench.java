package org.movedesk.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.movedesk.core.history.HistoryChainCheck;
import org.movedesk.core.history.explorer.ExplorerFilter;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.history.export.ExportResult;
import org.movedesk.core.history.export.HistoryCsvExport;
import org.movedesk.core.moves.MoveFilter;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.store.StoreUrl;
import org.movedesk.core.testing.CoreTestApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The core benchmarks (docs/bench/core.md). A program, not a test: it prints figures.
 *
 * <pre>mvn -q -B -pl core -am -Pbench verify                     # everything
 * mvn -q -B -pl core -am -Pbench verify -Dbench.args=moves     # issue 3 only
 * mvn -q -B -pl core -am -Pbench verify -Dbench.args=history   # issue 8 only
 * mvn -q -B -pl core -am -Pbench verify -Dbench.args=quick     # both, without the 5M-row chain verify
 * mvn -q -B -pl core -am -Pbench verify -Dbench.args=explorer  # issue 8 without the chain verify
 * mvn -q -B -pl core -am -Pbench verify -Dbench.args=migrate   # open the store in Spring (Flyway migrates it), nothing timed</pre>
 *
 * The store (1M moves, 300k people, 300 locations, 5M history rows) is generated once into
 * core/target/bench-store and reused; delete that directory to regenerate it.
 */
public final class CoreBench {

    /** -Dbench.dir=/path picks the store directory (e.g. a full-size store generated once elsewhere). */
    private static final Path DIR = System.getProperty("bench.dir") != null
            ? Path.of(System.getProperty("bench.dir")).toAbsolutePath()
            : Path.of("target", BenchStore.SCALE == 1.0 ? "bench-store" : "bench-store-scale-" + BenchStore.SCALE)
                    .toAbsolutePath();

    private CoreBench() {
    }

    public static void main(String[] args) throws Exception {
        String part = args.length == 0 ? "all" : args[0];
        double generated = BenchStore.ensure(DIR);
        BenchStore.alignWithMigrations(DIR);
        Path file = DIR.resolve(StoreUrl.FILE_NAME + ".mv.db");
        System.out.printf("%nstore: %s%n", file);
        System.out.printf("  generation: %.1f s (%s)%n", generated > 0 ? generated : BenchStore.recordedGenerationSeconds(DIR),
                generated > 0 ? "this run" : "cached, time of the run that generated it");
        System.out.printf("  size on disk: %,d MB%n", Files.size(file) >> 20);
        openTimes();
        if (part.equals("store")) {
            return;
        }
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CoreTestApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.datasource.url=" + StoreUrl.forDirectory(DIR), "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run()) {
            System.out.printf("  Spring context on the store: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            if (part.equals("migrate")) {
                return; // Flyway has brought the store to the newest migration: prepare a copy outside the measurement
            }
            if (part.equals("all") || part.equals("moves") || part.equals("quick")) {
                moves(ctx);
            }
            if (part.equals("all") || part.equals("history") || part.equals("quick") || part.equals("explorer")) {
                history(ctx, !part.equals("quick") && !part.equals("explorer"));
            }
        }
    }

    /** Open = first connection until the first query answers (H2 reads the file header and the maps' roots). */
    static void openTimes() throws Exception {
        String url = StoreUrl.forDirectory(DIR);
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from move")) {
                rs.next();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        System.out.printf("  open (connect + first query), 5 opens: first %.0f ms, median %.0f ms%n", ms[0],
                sorted(ms)[2]);
    }

    // ------------------------------------------------------------------ issue 3

    static void moves(ConfigurableApplicationContext ctx) {
        MoveQueries queries = ctx.getBean(MoveQueries.class);
        PersonService people = ctx.getBean(PersonService.class);
        MoveService service = ctx.getBean(MoveService.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        SplittableRandom rnd = new SplittableRandom(7);

        List<UUID> busy = jdbc.queryForList("select from_location_id from move group by from_location_id"
                + " order by count(*) desc limit 40", UUID.class);
        List<String> prisonNumbers = jdbc.queryForList("select prison_number from person where id in"
                + " (select person_id from move where move_date > date '2026-06-01') limit 3000", String.class);
        List<String> references = jdbc.queryForList("select reference from move where move_date > date '2026-01-01'"
                + " limit 3000", String.class);
        List<String> prefixes = new ArrayList<>();
        for (String last : BenchStore.LAST) {
            prefixes.add(last.substring(0, 3));
            prefixes.add(last + " " + BenchStore.FIRST[rnd.nextInt(BenchStore.FIRST.length)].substring(0, 2));
        }
        LocalDate first = LocalDate.of(2026, 9, 1);

        System.out.printf("%nissue 3 - through the service layer (Spring context, MoveQueries/PersonService/MoveService)%n");
        report("day list, one location (MoveQueries.list, 50 rows)", 2.0, measure(300, 2000, i -> {
            UUID loc = busy.get(rnd.nextInt(busy.size()));
            LocalDate day = first.plusDays(rnd.nextInt(120));
            queries.list(new MoveFilter(Set.of(loc), day, day, null, null, null), 0, 50);
        }));
        report("search by prison number (MoveQueries.search)", 2.0, measure(300, 2000,
                i -> queries.search(prisonNumbers.get(rnd.nextInt(prisonNumbers.size())), 20)));
        report("search by reference (MoveQueries.search)", 2.0, measure(300, 2000,
                i -> queries.search(references.get(rnd.nextInt(references.size())), 20)));
        report("search by name prefix (MoveQueries.search)", 2.0, measure(300, 2000,
                i -> queries.search(prefixes.get(rnd.nextInt(prefixes.size())), 20)));
        report("person by prison number (PersonService)", 2.0, measure(300, 2000,
                i -> people.findByPrisonNumber(prisonNumbers.get(rnd.nextInt(prisonNumbers.size())))));
        report("people by name prefix (PersonService.searchByName)", 2.0, measure(300, 2000,
                i -> people.searchByName(prefixes.get(rnd.nextInt(prefixes.size())), 20)));

        List<UUID> requested = jdbc.queryForList("select id from move where status = 'REQUESTED' order by move_date desc"
                + " limit 1200", UUID.class);
        Actor supplier = new Actor("bench-supplier", Set.of(Role.SUPPLIER), "bench-desk");
        if (requested.size() < 221) {
            System.out.println("  (fewer than 221 requested moves left: delete target/bench-store to regenerate)");
        }
        // a fixed number of runs, no probe cut: the first, cold action is slow and the cut left n=5;
        // 220 actions per run keeps the store's stock of requested moves for several runs
        int warm = Math.min(20, requested.size() / 6);
        int runs = Math.min(200, requested.size() - warm - 1);
        service.accept(supplier, requested.get(0), null, "bench");
        report("record one action (MoveService.accept, durable)", 3.0, measureAll(warm, runs,
                i -> service.accept(supplier, requested.get(i + 1), null, "bench")));
    }

    // ------------------------------------------------------------------ issue 8

    static void history(ConfigurableApplicationContext ctx, boolean verifyChain) throws Exception {
        HistoryExplorer explorer = ctx.getBean(HistoryExplorer.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        Actor boss = new Actor("bench-supervisor", Set.of(Role.SUPERVISOR), "bench-desk");
        long rows = jdbc.queryForObject("select count(*) from history", Long.class);
        System.out.printf("%nissue 8 - history explorer on %,d history rows (HistoryExplorer.page, 50 rows, supervisor)%n", rows);

        UUID busy = jdbc.queryForObject("select location_id from history where location_id is not null"
                + " group by location_id order by count(*) desc limit 1", UUID.class);
        UUID quiet = jdbc.queryForObject("select location_id from history where location_id is not null"
                + " group by location_id order by count(*) limit 1", UUID.class);
        String prisonNumber = jdbc.queryForObject("select prison_number from history where id = ?", String.class,
                rows * 4 / 5);
        Instant end = Instant.parse("2026-11-25T00:00:00Z");
        Map<String, ExplorerFilter> filters = new LinkedHashMap<>();
        filters.put("no filter (newest entries)", ExplorerFilter.all());
        filters.put("last 7 days", ExplorerFilter.builder().between(end.minusSeconds(7 * 86400), end).build());
        filters.put("one operator", ExplorerFilter.builder().operator("op017").build());
        filters.put("one desk (no index since V45: the newest walk checks it)",
                ExplorerFilter.builder().desks(Set.of("desk-east")).build());
        filters.put("move type court appearance", ExplorerFilter.builder()
                .moveTypes(Set.of(MoveType.COURT_APPEARANCE)).build());
        filters.put("status cancelled", ExplorerFilter.builder().status(MoveStatus.CANCELLED).build());
        filters.put("busiest location (from or to)", ExplorerFilter.builder().location(busy).build());
        filters.put("quietest location (from or to)", ExplorerFilter.builder().location(quiet).build());
        filters.put("event type move.cancelled", ExplorerFilter.builder().eventType("move.cancelled").build());
        filters.put("status cancelled + type court appearance", ExplorerFilter.builder().status(MoveStatus.CANCELLED)
                .moveTypes(Set.of(MoveType.COURT_APPEARANCE)).build());
        filters.put("operator + March 2025", ExplorerFilter.builder().operator("op042")
                .between(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z")).build());
        filters.put("location + rejected + 2025", ExplorerFilter.builder().location(busy).eventType("move.rejected")
                .between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")).build());
        filters.put("desk + status in transit", ExplorerFilter.builder().desks(Set.of("desk-east"))
                .status(MoveStatus.IN_TRANSIT).build());
        filters.put("prison number (one person)", ExplorerFilter.builder().prisonNumber(prisonNumber).build());
        filters.put("free text, common word 'wheelchair'", ExplorerFilter.builder().text("wheelchair").build());
        filters.put("free text, rare word 'snowstorm'", ExplorerFilter.builder().text("snowstorm").build());
        filters.put("free text, two words 'escort delayed'", ExplorerFilter.builder().text("escort delayed").build());
        filters.put("free text + operator", ExplorerFilter.builder().text("interpreter").operator("op003").build());
        filters.put("free text + date range (1 month)", ExplorerFilter.builder().text("medication")
                .between(Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:00Z")).build());
        filters.put("contradiction: booked + completed status", ExplorerFilter.builder().eventType("move.booked")
                .status(MoveStatus.COMPLETED).between(Instant.parse("2026-10-01T00:00:00Z"), end).build());
        for (Map.Entry<String, ExplorerFilter> f : filters.entrySet()) {
            int[] found = new int[1];
            // H2 hands back the previous result of an identical query (OPTIMIZE_REUSE_RESULTS), so every
            // run gets a different, harmless upper time bound: each page is really computed
            double[] samples = measure(10, 100, i -> found[0] = explorer.page(boss, distinct(f.getValue(), i), null, 50)
                    .entries().size());
            report("first page: " + f.getKey() + " (" + found[0] + " rows)", 50.0, samples);
        }
        // a deep page: the 200th page of the busiest location (keyset: as fast as the first)
        ExplorerFilter deep = filters.get("busiest location (from or to)");
        var cursor = explorer.page(boss, deep, null, 50).next();
        for (int p = 0; p < 199 && cursor != null; p++) {
            cursor = explorer.page(boss, deep, cursor, 50).next();
        }
        var at = cursor;
        report("page 200 of the busiest location", 50.0, measure(10, 100,
                i -> explorer.page(boss, distinct(deep, i), at, 50)));

        csvExport(ctx, boss);
        if (verifyChain) {
            verify(ctx, boss);
        }
    }

    static ExplorerFilter distinct(ExplorerFilter f, int i) {
        Instant to = f.to() == null ? Instant.parse("2100-01-01T00:00:00Z") : f.to();
        return f.toBuilder().between(f.from(), to.plusNanos(1000L * (i + 1))).build();
    }

    static void csvExport(ConfigurableApplicationContext ctx, Actor boss) throws Exception {
        HistoryCsvExport csv = ctx.getBean(HistoryCsvExport.class);
        HistoryExplorer explorer = ctx.getBean(HistoryExplorer.class);
        // about a million rows at full scale: seven months of the trail
        ExplorerFilter f = ExplorerFilter.builder().between(Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-07-28T00:00:00Z")).build();
        Path out = DIR.resolveSibling("bench-export.csv");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        String rssBefore = rss();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t = System.nanoTime();
        long[] progressCalls = new long[1];
        ExportResult r = csv.toFile(boss, f, out, (done, total) -> progressCalls[0]++, null);
        double seconds = (System.nanoTime() - t) / 1e9;
        // the same export again: the rows' pages are now in H2's cache, the first run read them from the file
        long warmStart = System.nanoTime();
        ExportResult again = csv.toFile(boss, f, out, null, null);
        double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
        sampler.interrupt();
        sampler.join();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.gc();
        long afterGc = memory.getHeapMemoryUsage().getUsed();
        double perMillion = seconds * 1_000_000 / Math.max(1, r.rows());
        System.out.printf("%n  CSV export: %,d rows, %,d MB, %.1f s (%,.0f rows/s; 1M rows would take %.0f s; target <= 10 s: %s)%n",
                r.rows(), r.bytes() >> 20, seconds, r.rows() / seconds, perMillion, perMillion <= 10 ? "OK" : "MISSED");
        System.out.printf("    heap used: before %,d MB, peak %,d MB, after %,d MB (after GC %,d MB), max heap %,d MB;"
                        + " %d progress calls%n", before >> 20, peak.get() >> 20, after >> 20, afterGc >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20, progressCalls[0]);
        System.out.printf("    second run (warm cache): %,d rows, %.1f s (%,.0f rows/s; 1M rows would take %.0f s)%n",
                again.rows(), warmSeconds, again.rows() / warmSeconds, warmSeconds * 1_000_000 / Math.max(1, again.rows()));
        System.out.printf("    process memory: before %s, after %s%n", rssBefore, rss());
        // each export counts the filter first (the progress bar's total): how much of its time is that (warm)
        long tc = System.nanoTime();
        long counted = explorer.count(boss, f);
        System.out.printf("    of which the up-front count (warm): %,d rows, %.2f s%n", counted, (System.nanoTime() - tc) / 1e9);
        Files.deleteIfExists(out);
    }

    /** Resident set size now and its peak so far (Linux /proc), e.g. "RSS 812 MB (peak 1,020 MB)". */
    static String rss() {
        try {
            long rss = 0;
            long hwm = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return String.format("RSS %,d MB (peak %,d MB)", rss >> 10, hwm >> 10);
        } catch (Exception e) {
            return "RSS unknown";
        }
    }

    static void verify(ConfigurableApplicationContext ctx, Actor boss) {
        HistoryChainCheck check = ctx.getBean(HistoryChainCheck.class);
        long t = System.nanoTime();
        HistoryChainCheck.Report r = check.verify(boss, null, null);
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf("  verify history: %,d entries, intact=%s, %.1f s (%,.0f entries/s)%n", r.checked(), r.intact(),
                s, r.checked() / s);
    }

    // ------------------------------------------------------------------ measuring

    /** Runs the action (numbered 0, 1, 2, ... across probe, warm-up and measured runs); returns milliseconds per run. */
    static double[] measure(int warmup, int runs, IntConsumer action) {
        int k = 0;
        long probe = System.nanoTime();
        action.accept(k++);
        if ((System.nanoTime() - probe) / 1e6 > 250) {
            // far over every target: a handful of runs tells as much and keeps the run short
            warmup = 1;
            runs = 5;
        }
        for (int i = 0; i < warmup; i++) {
            action.accept(k++);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            action.accept(k++);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    /** As {@link #measure} without the probe cut: always {@code warmup} then {@code runs} runs. */
    static double[] measureAll(int warmup, int runs, IntConsumer action) {
        int k = 0;
        for (int i = 0; i < warmup; i++) {
            action.accept(k++);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            action.accept(k++);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    static void report(String what, double targetP95, double[] samples) {
        double[] s = sorted(samples);
        double p95 = pct(s, 95);
        System.out.printf("  %-66s p50 %7.2f  p95 %7.2f  p99 %7.2f ms  (n=%d, target p95 <= %.0f ms: %s)%n", what,
                pct(s, 50), p95, pct(s, 99), s.length, targetP95, p95 <= targetP95 ? "OK" : "MISSED");
    }

    static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
