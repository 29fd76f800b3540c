package org.movedesk.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.movedesk.core.history.ChainedRowFactory;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryVerifier;
import org.movedesk.core.history.explorer.NoteWords;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.moves.RejectionReason;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.store.StoreUrl;

/**
 * Generates the benchmark store: 300 locations, 300,000 people (with profiles), 1,000,000 moves
 * over three years and 5,000,000 hash-chained history rows in time order, plus outbox entries
 * for the newest 300,000 actions. Plain JDBC batches into an H2 file that Flyway created, then
 * SHUTDOWN COMPACT. Deterministic (fixed seed), cached under target/bench-store.
 */
public final class BenchStore {

    /** Bump when the generated content changes, so a cached store is rebuilt. */
    static final String GENERATION = "bench-store-v4";

    /** 1.0 = the sizes; -Dbench.scale=0.1 builds a tenth (people, moves, history, outbox). */
    static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
    static final int LOCATIONS = 300;

    /** How much to generate: the sizes times a scale. */
    public record Sizes(int people, int moves, int history, int outboxRecent) {
        public static Sizes of(double scale) {
            return new Sizes((int) (300_000 * scale), (int) (1_000_000 * scale), (int) (5_000_000 * scale),
                    (int) (300_000 * scale));
        }
    }

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final int DAYS = 3 * 365;
    /** "Today" of the generated store: moves after it are still open. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final String[] DESKS = {"desk-north", "desk-south", "desk-east", "desk-west"};
    static final int OPERATORS = 80;
    static final int SUPPLIERS = 12;

    static final String[] LAST = ("SMITH JONES TAYLOR BROWN WILLIAMS WILSON JOHNSON DAVIES ROBINSON WRIGHT THOMPSON EVANS"
            + " WALKER WHITE ROBERTS GREEN HALL WOOD JACKSON CLARKE PATEL KHAN LEWIS JAMES PHILLIPS MASON MITCHELL ROSE"
            + " DAVIS RODRIGUEZ COX ALEXANDER MORGAN MOORE MARTIN PRICE HUGHES KING TURNER HILL SCOTT COOPER WARD MORRIS"
            + " KELLY BAKER HARRIS CLARK ALLEN YOUNG EDWARDS BELL BAILEY GRAY WATSON COLLINS STEVENS OWEN RICHARDS"
            + " MURPHY SHAW HOLMES SIMPSON FOSTER ELLIS PALMER GRAHAM MARSHALL HUNT FISHER CAMPBELL ADAMS DIXON CHAPMAN"
            + " KNIGHT REID WEBB BUTLER LLOYD ATKINSON BARNES MILLS HUSSAIN FRASER AHMED SULLIVAN OBRIEN NOWAK")
            .split(" ");
    static final String[] FIRST = ("JOHN DAVID MICHAEL JAMES PAUL MARK ANDREW PETER RICHARD STEVEN ROBERT DANIEL THOMAS"
            + " CHRISTOPHER GARY KEVIN LEE CRAIG SEAN RYAN JASON ADAM LIAM CONNOR JACK HARRY KYLE JORDAN NATHAN LEWIS"
            + " SARAH EMMA LAURA CLAIRE MOHAMMED ALI TOMASZ PIOTR ALEX SAM JAMIE CHRIS DEAN WAYNE SHANE GAVIN KARL")
            .split(" ");
    /** Note vocabulary: common operational words, a few rare ones (free-text benchmark targets). */
    static final String[] WORDS = ("escort vehicle delayed traffic court cells handcuffs medication doctor nurse"
            + " property bag paperwork warrant late arrival early collection van broke down cellular cell lockout"
            + " reception closed custody officer supervisor approved risk assessment violent self harm interpreter"
            + " polish urdu welsh solicitor legal visit video link remand sentence bail hearing adjourned listing"
            + " changed time due moved hospital appointment outpatient ward secure bed transfer category cat escape"
            + " risk restraint wheelchair diet halal vegetarian insulin inhaler asthma epilepsy seizure pregnant"
            + " juvenile youth female male separated keep apart gang affiliation witness victim protection")
            .split(" ");
    static final String[] RARE = {"zebracrossing", "quarantine", "flooding", "snowstorm", "blockade"};

    private BenchStore() {
    }

    public static String url(Path dir) {
        return StoreUrl.forDirectory(dir);
    }

    /** Reuses a cached store when its marker matches; otherwise deletes and generates it. Returns seconds spent (0 when cached). */
    public static double ensure(Path dir) throws Exception {
        Path marker = dir.resolve("generation.txt");
        if (Files.exists(marker) && Files.readString(marker).startsWith(GENERATION + " scale " + SCALE)
                && Files.exists(dir.resolve(StoreUrl.FILE_NAME + ".mv.db"))) {
            return 0;
        }
        if (Files.exists(dir)) {
            org.movedesk.core.testing.StoreFixture.deleteQuietly(dir);
        }
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        generate(dir, Sizes.of(SCALE), true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.writeString(marker, GENERATION + " scale " + SCALE + "\ngeneration seconds: " + String.format("%.1f", seconds) + "\n");
        return seconds;
    }

    /**
     * A cached store may predate an edit of a not-yet-released migration: realign Flyway's
     * checksums (repair) and the note-word trigger's name (renamed in V30 before release).
     */
    static void alignWithMigrations(Path dir) throws SQLException {
        String url = url(dir);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().repair();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "select count(*) from information_schema.triggers where trigger_name = 'HISTORY_NOTE_WORDS'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    s.execute("drop trigger history_note_words");
                    s.execute("create trigger hx_note_words after insert on history for each row"
                            + " call 'org.movedesk.core.history.explorer.NoteWordsTrigger'");
                }
            }
        }
    }

    static double recordedGenerationSeconds(Path dir) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("generation.txt"))) {
            if (line.startsWith("generation seconds: ")) {
                return Double.parseDouble(line.substring("generation seconds: ".length()));
            }
        }
        return -1;
    }

    /**
     * Generates the store into {@code dir} (which must not hold one yet). The schema is exactly
     * Flyway's: every migration runs first on the empty file and nothing is dropped or rebuilt
     * afterwards, except the note-word trigger, which is dropped for the load (the loader writes
     * the same rows in batches) and created again with the migration's own statement.
     *
     * <p>Why this is fast without dropping indexes: every bulk table is inserted in the order of
     * its primary key (people, profiles and moves get their random UUIDs pre-sorted; history,
     * note words and outbox rows come in id order), and history rows come in time order, so each
     * explorer index (a column, then time) is written at one spot per value. Only the indexes on
     * near-unique columns (prison number, reference, move id, names) take random pages, and H2's
     * page cache is sized to hold them. The old generator dropped the indexes and rebuilt them
     * afterwards; H2 rebuilds an index by reading every full row again (JSON included) for each
     * index, which took longer than the load itself (docs/bench/core.md).
     */
    public static void generate(Path dir, Sizes size, boolean compact) throws Exception {
        String url = url(dir);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        SplittableRandom rnd = new SplittableRandom(20261125L);
        // bulk load: a page cache of half the heap, no durability wait per commit (the file is
        // compacted at the end), no background compaction while loading
        int cacheMb = (int) Math.max(64, Runtime.getRuntime().maxMemory() / 2 >> 20);
        String loadUrl = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(StoreUrl.FILE_NAME).toString().replace('\\', '/')
                + ";WRITE_DELAY=60000;AUTO_COMPACT_FILL_RATE=0";
        System.out.printf("    generating %s into %s (H2 cache %,d MB)%n", size, dir, cacheMb);
        try (Connection c = DriverManager.getConnection(loadUrl, "sa", "")) {
            bigCacheForThisOpen(c, cacheMb);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("drop trigger " + NOTE_WORDS_TRIGGER);
            }
            c.commit();
            Data d = new Data(rnd, size);
            long t = System.nanoTime();
            d.insertLocations(c);
            d.insertPeople(c);
            log("locations + people + profiles", t);
            t = System.nanoTime();
            d.insertMoves(c);
            log("moves", t);
            t = System.nanoTime();
            d.insertHistory(c);
            log("history + note words + outbox", t);
            t = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute(NOTE_WORDS_TRIGGER_DDL);
                s.execute("analyze");
            }
            c.commit();
            log("analyze", t);
        }
        long t = System.nanoTime();
        BenchOperators.addDemoOperators(dir);
        log("demo operators (core services)", t);
        if (compact) {
            t = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("shutdown compact");
            }
            log("shutdown compact", t);
        }
    }

    /**
     * Gives the loading connection's store a page cache of {@code mb} without H2's CACHE_SIZE
     * setting, which H2 writes into the database (a store the app creates has none).
     */
    static void bigCacheForThisOpen(Connection c, int mb) throws SQLException {
        org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class)
                .getSession();
        org.h2.mvstore.MVStore store = session.getDatabase().getStore().getMvStore();
        session.getDatabase().getStore().setCacheSize(mb * 1024); // in KB, as CACHE_SIZE
        // H2 writes a chunk whenever ~19 MB of pages are unsaved; with keys spread over an index
        // (prison numbers, references, move ids) each leaf page is then written again and again
        // (300,000 people wrote a 1.4 GB file). A bigger threshold writes each page a few times.
        // MVStore has no setter for it (a builder option H2's engine does not expose).
        try {
            java.lang.reflect.Field f = org.h2.mvstore.MVStore.class.getDeclaredField("autoCommitMemory");
            f.setAccessible(true);
            f.setInt(store, (int) Math.min(Integer.MAX_VALUE - 1, (long) mb << 19)); // half the cache
        } catch (ReflectiveOperationException e) {
            System.out.println("    (could not raise H2's unsaved-page threshold: " + e + ")");
        }
        System.out.printf("    H2 unsaved-page threshold: %,d MB%n", store.getAutoCommitMemory() >> 20);
    }

    static final String NOTE_WORDS_TRIGGER = "hx_note_words";
    /** The statement of V30__history_explorer.sql, unchanged. */
    static final String NOTE_WORDS_TRIGGER_DDL = "create trigger hx_note_words after insert on history for each row"
            + " call 'org.movedesk.core.history.explorer.NoteWordsTrigger'";

    static void log(String what, long startNanos) {
        System.out.printf("  generated %-32s %6.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }

    static OffsetDateTime odt(long epochSecond, int micros) {
        return Instant.ofEpochSecond(epochSecond, micros * 1000L).atOffset(ZoneOffset.UTC);
    }

    /** Everything the generator keeps in memory: compact arrays, UUIDs as two longs. */
    static final class Data {
        final SplittableRandom rnd;
        final int people;
        final int moves;
        final int historyRows;
        final int outboxRecent;
        final UUID[] locationIds = new UUID[LOCATIONS];
        final long[] personHi;
        final long[] personLo;
        final String[] prisonNumbers;
        final long[] moveHi;
        final long[] moveLo;
        final short[] moveFrom;
        final short[] moveTo;
        final int[] movePerson;
        final short[] moveDay;
        final byte[] moveStatus;
        final byte[] moveType;
        final byte[] moveReason;
        final boolean[] rejected;

        Data(SplittableRandom rnd, Sizes size) {
            this.rnd = rnd;
            people = size.people();
            moves = size.moves();
            historyRows = size.history();
            outboxRecent = size.outboxRecent();
            personHi = new long[people];
            personLo = new long[people];
            prisonNumbers = new String[people];
            moveHi = new long[moves];
            moveLo = new long[moves];
            moveFrom = new short[moves];
            moveTo = new short[moves];
            movePerson = new int[moves];
            moveDay = new short[moves];
            moveStatus = new byte[moves];
            moveType = new byte[moves];
            moveReason = new byte[moves];
            rejected = new boolean[moves];
            // Keys in H2's UUID order, so the primary-key index of person and move is appended to
            // (a random v4 key per insert touches a random index page; at a million rows that is
            // what made the load slow). Which random id a row gets does not matter.
            sortedUuids(personHi, personLo);
            sortedUuids(moveHi, moveLo);
        }

        /** Fills hi/lo with random v4 UUIDs in H2's order (unsigned high, then unsigned low). */
        void sortedUuids(long[] hi, long[] lo) {
            UUID[] ids = new UUID[hi.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = uuid();
            }
            Arrays.sort(ids, (a, b) -> a.getMostSignificantBits() != b.getMostSignificantBits()
                    ? Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits())
                    : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()));
            for (int i = 0; i < ids.length; i++) {
                hi[i] = ids[i].getMostSignificantBits();
                lo[i] = ids[i].getLeastSignificantBits();
            }
        }

        UUID uuid() {
            return new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L, (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        }

        UUID move(int i) {
            return new UUID(moveHi[i], moveLo[i]);
        }

        String reference(int i) {
            int k = i / 10000;
            return "" + (char) ('A' + rnd(i, 7) % 26) + (char) ('A' + k / 26) + (char) ('A' + k % 26)
                    + String.format("%04d", i % 10000) + (char) ('A' + rnd(i, 13) % 26);
        }

        static int rnd(int i, int salt) {
            int h = i * 0x9E3779B1 + salt * 0x85EBCA6B;
            h ^= h >>> 15;
            return h & 0x7FFFFFFF;
        }

        void insertLocations(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("insert into location (id, loc_key, title, title_key,"
                    + " location_type, nomis_agency_id, active, updated_at) values (?, ?, ?, ?, ?, ?, true, ?)")) {
                for (int i = 0; i < LOCATIONS; i++) {
                    locationIds[i] = uuid();
                    String type = i < 120 ? "PRISON" : i < 220 ? "COURT" : i < 250 ? "HOSPITAL" : i < 290 ? "POLICE" : "OTHER";
                    String title = switch (type) {
                        case "PRISON" -> "HMP " + LAST[i % LAST.length].charAt(0) + LAST[i % LAST.length].substring(1).toLowerCase() + " " + i;
                        case "COURT" -> FIRST[i % FIRST.length] + " Crown Court " + i;
                        case "HOSPITAL" -> "Secure Hospital " + i;
                        case "POLICE" -> "Police Station " + i;
                        default -> "Approved Premises " + i;
                    };
                    ps.setObject(1, locationIds[i]);
                    ps.setString(2, "loc_" + i);
                    ps.setString(3, title);
                    ps.setString(4, title.toUpperCase());
                    ps.setString(5, type);
                    ps.setString(6, "L" + String.format("%03d", i));
                    ps.setObject(7, odt(1700000000L, 0));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }

        void insertPeople(Connection c) throws SQLException {
            try (PreparedStatement p = c.prepareStatement("insert into person (id, central_id, prison_number, pnc_number,"
                    + " first_names, last_name, name_key, date_of_birth, gender, created_at, updated_at, version)"
                    + " values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, 0)");
                 PreparedStatement pr = c.prepareStatement(
                         "insert into profile (id, central_id, person_id, created_at) values (?, ?, ?, ?)")) {
                long[] profileHi = new long[people];
                long[] profileLo = new long[people];
                sortedUuids(profileHi, profileLo);
                for (int i = 0; i < people; i++) {
                    UUID id = new UUID(personHi[i], personLo[i]);
                    int k = i / 10000;
                    prisonNumbers[i] = "" + (char) ('A' + rnd.nextInt(26)) + String.format("%04d", i % 10000)
                            + (char) ('A' + k / 26) + (char) ('A' + k % 26);
                    String first = FIRST[rnd.nextInt(FIRST.length)];
                    String last = LAST[(int) Math.min(LAST.length - 1, Math.abs(rnd.nextGaussian()) * LAST.length / 2.5)];
                    OffsetDateTime created = odt(1704067200L + rnd.nextInt(365 * 86400), 0);
                    p.setObject(1, id);
                    p.setString(2, uuid().toString());
                    p.setString(3, prisonNumbers[i]);
                    p.setString(4, first);
                    p.setString(5, last);
                    p.setString(6, last + " " + first);
                    p.setObject(7, LocalDate.of(1960, 1, 1).plusDays(rnd.nextInt(40 * 365)));
                    p.setString(8, rnd.nextInt(10) == 0 ? "female" : "male");
                    p.setObject(9, created);
                    p.setObject(10, created);
                    p.addBatch();
                    pr.setObject(1, new UUID(profileHi[i], profileLo[i]));
                    pr.setString(2, uuid().toString());
                    pr.setObject(3, id);
                    pr.setObject(4, created);
                    pr.addBatch();
                    if (i % 2000 == 1999) {
                        p.executeBatch();
                        pr.executeBatch();
                    }
                    if (i % 5000 == 4999) {
                        c.commit();
                    }
                }
                p.executeBatch();
                pr.executeBatch();
            }
            c.commit();
        }

        int skewedLocation(int bound) {
            // a few busy prisons and courts, a long tail of quiet ones
            double x = Math.abs(rnd.nextGaussian()) / 2.2;
            return (int) Math.min(bound - 1, x * bound);
        }

        void insertMoves(Connection c) throws SQLException {
            MoveType[] types = MoveType.values();
            CancellationReason[] reasons = CancellationReason.values();
            int today = (int) (TODAY.toEpochDay() - FIRST_DAY.toEpochDay());
            try (PreparedStatement ps = c.prepareStatement("insert into move (id, central_id, reference, status, move_type,"
                    + " move_date, time_due, from_location_id, to_location_id, person_id, profile_id, notes,"
                    + " cancellation_reason, cancellation_comment, rejection_reason, refreshed, version, created_at,"
                    + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, null, ?, true, 0, ?, ?)")) {
                for (int i = 0; i < moves; i++) {
                    UUID id = new UUID(moveHi[i], moveLo[i]);
                    int from = skewedLocation(120);
                    int to = 120 + skewedLocation(LOCATIONS - 120);
                    if (rnd.nextInt(4) == 0) {
                        // prison to prison transfers
                        to = skewedLocation(120);
                        if (to == from) {
                            to = (from + 1) % 120;
                        }
                    }
                    if (rnd.nextInt(3) == 0) {
                        int swap = from;
                        from = to;
                        to = swap;
                    }
                    int day = rnd.nextInt(DAYS);
                    MoveStatus status;
                    if (day < today - 1) {
                        int r = rnd.nextInt(100);
                        status = r < 78 ? MoveStatus.COMPLETED : r < 95 ? MoveStatus.CANCELLED : r < 97 ? MoveStatus.IN_TRANSIT
                                : MoveStatus.BOOKED;
                        rejected[i] = status == MoveStatus.CANCELLED && r >= 90;
                    } else {
                        int r = rnd.nextInt(100);
                        status = r < 40 ? MoveStatus.REQUESTED : r < 90 ? MoveStatus.BOOKED : MoveStatus.PROPOSED;
                    }
                    moveFrom[i] = (short) from;
                    moveTo[i] = (short) to;
                    movePerson[i] = rnd.nextInt(people);
                    moveDay[i] = (short) day;
                    moveStatus[i] = (byte) status.ordinal();
                    MoveType type = types[rnd.nextInt(10) < 5 ? 0 : rnd.nextInt(types.length)];
                    moveType[i] = (byte) type.ordinal();
                    moveReason[i] = (byte) (rejected[i] ? rnd.nextInt(RejectionReason.values().length) : rnd.nextInt(reasons.length));
                    OffsetDateTime created = odt(FIRST_DAY.plusDays(day).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC)
                            - 86400L * (1 + rnd.nextInt(20)), 0);
                    ps.setObject(1, id);
                    ps.setString(2, uuid().toString());
                    ps.setString(3, reference(i));
                    ps.setString(4, status.name());
                    ps.setString(5, type.name());
                    ps.setObject(6, FIRST_DAY.plusDays(day));
                    ps.setObject(7, LocalTime.of(7 + rnd.nextInt(10), rnd.nextInt(4) * 15));
                    ps.setObject(8, locationIds[from]);
                    ps.setObject(9, locationIds[to]);
                    ps.setObject(10, new UUID(personHi[movePerson[i]], personLo[movePerson[i]]));
                    ps.setString(11, rnd.nextInt(5) == 0 ? notes() : null);
                    ps.setString(12, status == MoveStatus.CANCELLED
                            ? (rejected[i] ? CancellationReason.REJECTED : reasons[moveReason[i]]).name() : null);
                    ps.setString(13, rejected[i] ? RejectionReason.values()[moveReason[i]].name() : null);
                    ps.setObject(14, created);
                    ps.setObject(15, created);
                    ps.addBatch();
                    if (i % 2000 == 1999) {
                        ps.executeBatch();
                    }
                    if (i % 5000 == 4999) {
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }

        String notes() {
            int n = 3 + rnd.nextInt(8);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < n; w++) {
                if (w > 0) {
                    sb.append(' ');
                }
                sb.append(rnd.nextInt(2000) == 0 ? RARE[rnd.nextInt(RARE.length)] : WORDS[rnd.nextInt(WORDS.length)]);
            }
            return sb.toString();
        }

        // event kinds packed into the low 3 bits of a sortable long: time << 23 | index << 3 | kind
        static final int BOOKED = 0, ACCEPTED = 1, STARTED = 2, COMPLETED = 3, CANCELLED = 4, REJECTED = 5, LOCKED_OUT = 6,
                PERSON = 7;
        static final String[] EVENT = {"move.booked", "move.accepted", "move.started", "move.completed", "move.cancelled",
                "move.rejected", "move.locked-out", "person.refreshed"};
        static final long BASE = FIRST_DAY.minusDays(30).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);

        long[] events() {
            long[] ev = new long[historyRows];
            int n = 0;
            for (int p = 0; p < people; p++) {
                ev[n++] = pack(rnd.nextInt(60 * 86400), p, PERSON);
            }
            for (int i = 0; i < moves; i++) {
                long dayStart = (moveDay[i] + 30L) * 86400;
                long booked = dayStart - 86400L * (1 + rnd.nextInt(20)) + rnd.nextInt(10 * 3600) + 8 * 3600;
                MoveStatus s = MoveStatus.values()[moveStatus[i]];
                ev[n++] = pack(booked, i, BOOKED);
                if (s == MoveStatus.CANCELLED) {
                    ev[n++] = pack(booked + 3600 + rnd.nextInt((int) Math.max(1, dayStart - booked)), i,
                            rejected[i] ? REJECTED : CANCELLED);
                    continue;
                }
                if (s == MoveStatus.REQUESTED || s == MoveStatus.PROPOSED) {
                    continue;
                }
                long accepted = booked + 1800 + rnd.nextInt(2 * 86400);
                ev[n++] = pack(Math.min(accepted, dayStart + 6 * 3600), i, ACCEPTED);
                if (s == MoveStatus.BOOKED) {
                    continue;
                }
                long started = dayStart + 6 * 3600 + rnd.nextInt(6 * 3600);
                ev[n++] = pack(started, i, STARTED);
                if (s == MoveStatus.IN_TRANSIT) {
                    continue;
                }
                ev[n++] = pack(started + 1800 + rnd.nextInt(8 * 3600), i, COMPLETED);
            }
            // lockouts top the trail up to exactly historyRows rows
            while (n < historyRows) {
                int i = rnd.nextInt(moves);
                if (moveStatus[i] == MoveStatus.COMPLETED.ordinal()) {
                    ev[n++] = pack((moveDay[i] + 30L) * 86400 + 13 * 3600 + rnd.nextInt(4 * 3600), i, LOCKED_OUT);
                }
            }
            Arrays.sort(ev);
            return ev;
        }

        static long pack(long secondsSinceBase, int index, int kind) {
            return secondsSinceBase << 23 | (long) index << 3 | kind;
        }

        void insertHistory(Connection c) throws SQLException {
            long[] ev = events();
            int today = (int) (TODAY.toEpochDay() - FIRST_DAY.toEpochDay());
            String prev = HistoryVerifier.GENESIS;
            Map<Integer, Integer> outboxSeq = new HashMap<>();
            MoveType[] types = MoveType.values();
            String[] statusApi = {"proposed", "requested", "booked", "in_transit", "completed", "cancelled"};
            try (PreparedStatement h = c.prepareStatement("insert into history (id, occurred_at, recorded_at, operator,"
                    + " desk_id, aggregate_type, aggregate_id, location_id, to_location_id, move_reference, prison_number,"
                    + " event_type, move_type, status, before_json, after_json, notes, source, prev_hash, hash)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement w = c.prepareStatement(
                         "insert into history_note_word (word, occurred_at, history_id, operator) values (?, ?, ?, ?)");
                 PreparedStatement o = c.prepareStatement("insert into outbox (channel, aggregate_type, aggregate_id, seq,"
                         + " action, payload, idempotency_key, occurred_at, recorded_at, state, attempts, central_id,"
                         + " created_by, updated_at, version, history_id) values ('CENTRAL', 'MOVE', ?, ?, ?, ?, ?, ?, ?, ?,"
                         + " 1, null, ?, ?, 0, ?)")) {
                for (int k = 0; k < ev.length; k++) {
                    long e = ev[k];
                    int kind = (int) (e & 7);
                    int index = (int) (e >>> 3 & 0xFFFFF);
                    long seconds = BASE + (e >>> 23);
                    Instant at = Instant.ofEpochSecond(seconds, rnd.nextInt(1_000_000) * 1000L);
                    long id = k + 1L;
                    HistoryDraft draft;
                    if (kind == PERSON) {
                        draft = new HistoryDraft(at, "sync", DESKS[index % DESKS.length], AggregateType.PERSON,
                                new UUID(personHi[index], personLo[index]).toString(), null, null, null,
                                prisonNumbers[index], EVENT[kind], null, null, null,
                                "{\"prisonNumber\":\"" + prisonNumbers[index] + "\"}", null, HistoryEntry.SOURCE_CENTRAL);
                    } else {
                        int from = moveFrom[index];
                        MoveStatus after = switch (kind) {
                            case BOOKED -> moveStatus[index] == MoveStatus.PROPOSED.ordinal() ? MoveStatus.PROPOSED : MoveStatus.REQUESTED;
                            case ACCEPTED -> MoveStatus.BOOKED;
                            case STARTED, LOCKED_OUT -> MoveStatus.IN_TRANSIT;
                            case COMPLETED -> MoveStatus.COMPLETED;
                            default -> MoveStatus.CANCELLED;
                        };
                        MoveStatus before = switch (kind) {
                            case BOOKED -> null;
                            case ACCEPTED -> MoveStatus.REQUESTED;
                            case STARTED -> MoveStatus.BOOKED;
                            case COMPLETED, LOCKED_OUT -> MoveStatus.IN_TRANSIT;
                            default -> moveDay[index] > today ? MoveStatus.BOOKED : MoveStatus.REQUESTED;
                        };
                        String operator = kind == STARTED || kind == COMPLETED || kind == LOCKED_OUT
                                ? "supplier" + String.format("%02d", from % SUPPLIERS)
                                : "op" + String.format("%03d", (from * 7 + rnd.nextInt(3)) % OPERATORS);
                        String ref = reference(index);
                        draft = new HistoryDraft(at, operator, DESKS[from % DESKS.length], AggregateType.MOVE,
                                move(index).toString(), locationIds[from], locationIds[moveTo[index]], ref,
                                prisonNumbers[movePerson[index]], EVENT[kind], types[moveType[index]], after,
                                before == null ? null : snapshot(index, statusApi[before.ordinal()], ref, kind, false),
                                snapshot(index, statusApi[after.ordinal()], ref, kind, true),
                                rnd.nextInt(4) == 0 ? notes() : null, HistoryEntry.SOURCE_LOCAL);
                    }
                    HistoryEntry row = ChainedRowFactory.chained(id, at, draft, prev);
                    prev = row.getHash();
                    OffsetDateTime odt = at.atOffset(ZoneOffset.UTC);
                    h.setLong(1, id);
                    h.setObject(2, odt);
                    h.setObject(3, odt);
                    h.setString(4, row.getOperator());
                    h.setString(5, row.getDeskId());
                    h.setString(6, row.getAggregateType().name());
                    h.setString(7, row.getAggregateId());
                    h.setObject(8, row.getLocationId());
                    h.setObject(9, row.getToLocationId());
                    h.setString(10, row.getMoveReference());
                    h.setString(11, row.getPrisonNumber());
                    h.setString(12, row.getEventType());
                    h.setString(13, row.getMoveType() == null ? null : row.getMoveType().name());
                    h.setString(14, row.getStatus() == null ? null : row.getStatus().name());
                    h.setString(15, row.getBefore());
                    h.setString(16, row.getAfter());
                    h.setString(17, row.getNotes());
                    h.setString(18, row.getSource());
                    h.setString(19, row.getPrevHash());
                    h.setString(20, row.getHash());
                    h.addBatch();
                    if (row.getNotes() != null) {
                        List<String> words = NoteWords.of(row.getNotes());
                        for (String word : words) {
                            w.setString(1, word);
                            w.setObject(2, odt);
                            w.setLong(3, id);
                            w.setString(4, row.getOperator());
                            w.addBatch();
                        }
                    }
                    if (kind != PERSON && k >= ev.length - outboxRecent) {
                        int seq = outboxSeq.merge(index, 1, Integer::sum);
                        String state = k >= ev.length - 2000 ? "PENDING" : k % 997 == 0 ? "FAILED" : "CONFIRMED";
                        o.setString(1, row.getAggregateId());
                        o.setLong(2, 100 + seq);
                        o.setString(3, switch (kind) {
                            case BOOKED -> "CREATE_MOVE";
                            case ACCEPTED -> "ACCEPT";
                            case STARTED -> "START";
                            case COMPLETED -> "COMPLETE";
                            case CANCELLED -> "CANCEL";
                            case REJECTED -> "REJECT";
                            default -> "LOCKOUT";
                        });
                        o.setString(4, "{\"moveId\":\"" + row.getAggregateId() + "\",\"timestamp\":\"" + at + "\"}");
                        o.setObject(5, uuid());
                        o.setObject(6, odt);
                        o.setObject(7, odt);
                        o.setString(8, state);
                        o.setString(9, row.getOperator());
                        o.setObject(10, odt);
                        o.setLong(11, id);
                        o.addBatch();
                    }
                    if (k % 2000 == 1999) {
                        h.executeBatch();
                        w.executeBatch();
                        o.executeBatch();
                    }
                    if (k % 10_000 == 9_999) {
                        c.commit();
                    }
                    if (k % 500_000 == 499_999) {
                        System.out.printf("    history rows: %,d%n", k + 1);
                    }
                }
                h.executeBatch();
                w.executeBatch();
                o.executeBatch();
            }
            try (PreparedStatement head = c.prepareStatement("update history_head set last_id = ?, last_hash = ? where id = 1")) {
                head.setLong(1, ev.length);
                head.setString(2, prev);
                head.executeUpdate();
            }
            c.commit();
        }

        String snapshot(int i, String status, String ref, int kind, boolean after) {
            String reason = kind == CANCELLED && after ? CancellationReason.values()[moveReason[i]].apiValue()
                    : kind == REJECTED && after ? "rejected" : null;
            String rejection = kind == REJECTED && after ? RejectionReason.values()[moveReason[i]].apiValue() : null;
            return "{\"cancellationComment\":null,\"cancellationReason\":" + q(reason) + ",\"date\":\""
                    + FIRST_DAY.plusDays(moveDay[i]) + "\",\"fromLocationId\":\"" + locationIds[moveFrom[i]]
                    + "\",\"moveType\":\"" + MoveType.values()[moveType[i]].apiValue() + "\",\"notes\":null,\"reference\":\""
                    + ref + "\",\"rejectionReason\":" + q(rejection) + ",\"status\":\"" + status
                    + "\",\"timeDue\":\"09:30\",\"toLocationId\":\"" + locationIds[moveTo[i]] + "\"}";
        }

        static String q(String s) {
            return s == null ? "null" : "\"" + s + "\"";
        }
    }
}
