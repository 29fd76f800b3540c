package org.movedesk.core.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.movedesk.core.history.HistoryVerifier;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveFilter;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.people.Person;
import org.movedesk.core.store.StoreUrl;
import org.movedesk.core.testing.CoreTestApplication;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prints figures for core's hot paths on a real H2 file (not a unit test):
 * {@code mvn -q -pl core -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.movedesk.core.bench.CoreBenchmark -Dexec.args=200000}
 */
public final class CoreBenchmark {

    private CoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        boolean quick = args.length > 1 && args[1].equals("queries");
        Path dir = Files.createTempDirectory("movedesk-bench");
        SpringApplication app = new SpringApplication(CoreTestApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.datasource.url", StoreUrl.forDirectory(dir), "spring.main.banner-mode", "off",
                "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext ctx = app.run()) {
            StoreFixture fixture = ctx.getBean(StoreFixture.class).seed();
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            MoveService service = ctx.getBean(MoveService.class);
            MoveQueries queries = ctx.getBean(MoveQueries.class);
            OutboxService outbox = ctx.getBean(OutboxService.class);
            HistoryVerifier verifier = ctx.getBean(HistoryVerifier.class);

            long t0 = System.nanoTime();
            List<String> prisonNumbers = bulkLoad(jdbc, moves);
            System.out.printf("bulk load: %,d moves (+%,d people, %,d outbox rows) in %.1f s%n", moves, moves / 4, moves / 10,
                    (System.nanoTime() - t0) / 1e9);

            LocalDate day = LocalDate.of(2030, 6, 15);
            Set<UUID> mine = Set.of(StoreFixture.MOORLAND, StoreFixture.LEEDS);
            System.out.printf("day list returns %d of %d moves%n", queries.list(MoveFilter.day(mine, day), 0, 50).getNumberOfElements(), queries.list(MoveFilter.day(mine, day), 0, 50).getTotalElements());
            report("day list, 2 locations (UNION ALL), page 50", 300, () -> queries.list(MoveFilter.day(mine, day), 0, 50));
            System.out.printf("name prefix search returns %d rows%n", queries.search("BENCH12", 20).size());
            report("week list, 2 locations, status filter", 200, () -> queries.list(new MoveFilter(mine, day, day.plusDays(6),
                    Set.of(org.movedesk.core.moves.MoveStatus.BOOKED), Set.of(), null), 0, 50));
            report("search by prison number", 300, () -> queries.search(
                    prisonNumbers.get(ThreadLocalRandom.current().nextInt(prisonNumbers.size())), 20));
            report("search by name prefix", 100, () -> queries.search("BENCH12", 20));
            report("outbox nextReady(CENTRAL, 50)", 300, () -> outbox.nextReady(OutboxChannel.CENTRAL, 50, Instant.now()));
            if (quick) {
                return;
            }

            Person person = fixture.knownPerson("Timed");
            report("book (move + profile + history + 2 outbox), durable", 300, () -> fixture.bookRequested(
                    person, StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.uniqueDate()));
            List<Move> booked = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                booked.add(fixture.bookRequested(person, StoreFixture.BRIXTON, StoreFixture.LEEDS, StoreFixture.uniqueDate()));
            }
            int[] next = {0};
            report("accept (transition + history + 2 outbox), durable", 300, () -> service.accept(StoreFixture.supplier(),
                    booked.get(next[0]++).getId(), null, null));
            long h0 = System.nanoTime();
            HistoryVerifier.Result r = verifier.verify();
            System.out.printf("history verify: %,d entries in %.0f ms (ok=%s)%n", r.checked(), (System.nanoTime() - h0) / 1e6, r.ok());
            System.out.printf("store file: %.1f MB%n", Files.size(dir.resolve("movedesk.mv.db")) / 1e6);
        } finally {
            StoreFixture.deleteQuietly(dir);
        }
    }

    private static List<String> bulkLoad(JdbcTemplate jdbc, int moves) {
        UUID[] locations = {StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.BRIXTON, StoreFixture.GUILDFORD_COURT,
                StoreFixture.LEEDS_COURT, StoreFixture.HAZELWOOD_HOSPITAL, StoreFixture.RAMPTON_HOSPITAL, StoreFixture.LEEDS_POLICE};
        String[] statuses = {"REQUESTED", "BOOKED", "IN_TRANSIT", "COMPLETED", "CANCELLED"};
        int peopleCount = moves / 4;
        List<UUID> people = new ArrayList<>(peopleCount);
        List<String> numbers = new ArrayList<>(peopleCount);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < peopleCount; i++) {
            UUID id = UUID.randomUUID();
            String n = String.format("%c%04d%c%c", 'B' + (i / 10000) % 24, i % 10000, 'A' + (i / 260) % 26, 'A' + i % 26);
            people.add(id);
            numbers.add(n);
            rows.add(new Object[] {id, "c" + id, n, "Alex", "Bench" + i, ("BENCH" + i + " ALEX"), now, now});
        }
        jdbc.batchUpdate("insert into person (id, central_id, prison_number, first_names, last_name, name_key, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        LocalDate start = LocalDate.of(2030, 1, 1);
        List<Object[]> outboxRows = new ArrayList<>();
        for (int i = 0; i < moves; i++) {
            UUID from = locations[rnd.nextInt(locations.length)];
            UUID to = locations[rnd.nextInt(locations.length)];
            if (to.equals(from)) {
                to = locations[(Arrays.asList(locations).indexOf(from) + 1) % locations.length];
            }
            UUID id = UUID.randomUUID();
            rows.add(new Object[] {id, "c" + id, "R" + i, statuses[rnd.nextInt(statuses.length)], "PRISON_TRANSFER",
                    Date.valueOf(start.plusDays(rnd.nextInt(365))), from, to, people.get(rnd.nextInt(people.size())), now, now});
            if (i % 10 == 0) {
                outboxRows.add(new Object[] {"CENTRAL", "MOVE", id.toString(), 1, "ACCEPT", "{}", UUID.randomUUID(), now, now,
                        i % 20 == 0 ? "CONFIRMED" : "PENDING", "bench", now});
            }
            if (rows.size() == 5000) {
                insertMoves(jdbc, rows);
            }
        }
        insertMoves(jdbc, rows);
        jdbc.batchUpdate("insert into outbox (channel, aggregate_type, aggregate_id, seq, action, payload, idempotency_key,"
                + " occurred_at, recorded_at, state, created_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", outboxRows);
        jdbc.execute("analyze");
        return numbers;
    }

    private static void insertMoves(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("insert into move (id, central_id, reference, status, move_type, move_date, from_location_id, to_location_id,"
                + " person_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }

    private static void report(String what, int runs, Supplier<?> op) {
        for (int i = 0; i < Math.min(30, runs / 5); i++) {
            op.get();
        }
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            op.get();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("%-55s p50 %7.3f ms   p95 %7.3f ms   max %7.3f ms%n", what, ns[runs / 2] / 1e6,
                ns[(int) (runs * 0.95)] / 1e6, ns[runs - 1] / 1e6);
    }
}
