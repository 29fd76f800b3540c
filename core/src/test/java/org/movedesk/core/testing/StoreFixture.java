package org.movedesk.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.movedesk.core.locations.LocationData;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seeds a store with known locations and hands out unique people, actors and moves, so test
 * classes can share one Spring context and one H2 file without stepping on each other.
 */
@Component
public class StoreFixture {

    public static final String DESK = "test-desk";

    public static final UUID MOORLAND = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID LEEDS = UUID.fromString("00000000-0000-0000-0000-00000000a002");
    public static final UUID BRIXTON = UUID.fromString("00000000-0000-0000-0000-00000000a003");
    public static final UUID GUILDFORD_COURT = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    public static final UUID LEEDS_COURT = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    public static final UUID HAZELWOOD_HOSPITAL = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    public static final UUID RAMPTON_HOSPITAL = UUID.fromString("00000000-0000-0000-0000-00000000c002");
    public static final UUID LEEDS_POLICE = UUID.fromString("00000000-0000-0000-0000-00000000d001");

    private static final AtomicInteger SEQ = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    private static volatile Path sharedDir;

    private final LocationService locations;
    private final PersonService people;
    private final MoveService moves;
    private volatile boolean seeded;

    @Autowired
    public StoreFixture(LocationService locations, PersonService people, MoveService moves) {
        this.locations = locations;
        this.people = people;
        this.moves = moves;
    }

    /** One store directory per test JVM, deleted when the JVM exits. */
    public static synchronized Path sharedStoreDir() {
        if (sharedDir == null) {
            try {
                sharedDir = Files.createTempDirectory("movedesk-core-test");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Path dir = sharedDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        }
        return sharedDir;
    }

    public static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up what is left
        }
    }

    public static List<LocationData> referenceLocations() {
        return List.of(
                new LocationData(MOORLAND, "mdi", "HMP Moorland", LocationType.PRISON, "MDI", true),
                new LocationData(LEEDS, "lei", "HMP Leeds", LocationType.PRISON, "LEI", true),
                new LocationData(BRIXTON, "bxi", "HMP Brixton", LocationType.PRISON, "BXI", true),
                new LocationData(GUILDFORD_COURT, "guildford_crown_court", "Guildford Crown Court", LocationType.COURT, "GLDFCC", true),
                new LocationData(LEEDS_COURT, "leeds_crown_court", "Leeds Crown Court", LocationType.COURT, "LEEDCC", true),
                new LocationData(HAZELWOOD_HOSPITAL, "hazelwood_house", "Hazelwood House", LocationType.HOSPITAL, "HAZLWD", true),
                new LocationData(RAMPTON_HOSPITAL, "rampton", "Rampton Hospital", LocationType.HIGH_SECURITY_HOSPITAL, "RAMPTN", true),
                new LocationData(LEEDS_POLICE, "leeds_police", "Leeds Police Station", LocationType.POLICE, "LEEDPS", true));
    }

    /** Idempotent: inserts the reference locations once per store. */
    public StoreFixture seed() {
        if (!seeded) {
            locations.upsertFromCentral(system(), referenceLocations());
            seeded = true;
        }
        return this;
    }

    public static Actor staff() {
        return new Actor("staff", Set.of(Role.PRISON_STAFF), DESK);
    }

    public static Actor supplier() {
        return new Actor("supplier", Set.of(Role.SUPPLIER), DESK);
    }

    public static Actor supervisor() {
        return new Actor("supervisor", Set.of(Role.SUPERVISOR), DESK);
    }

    public static Actor admin() {
        return new Actor("admin", Set.of(Role.ADMIN), DESK);
    }

    public static Actor rpOfficer() {
        return new Actor("rp-officer", Set.of(Role.RP_SEARCH, Role.RP_TRANSFER, Role.RP_REMOVE, Role.RP_MIGRATE), DESK);
    }

    public static Actor system() {
        return Actor.system("system", DESK);
    }

    /** A prison number no other test has used in this JVM (A1234BC shape). */
    public static String uniquePrisonNumber() {
        int n = SEQ.incrementAndGet();
        char first = (char) ('A' + (n / 10000) % 26);
        char a = (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        char b = (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        return "" + first + String.format("%04d", n % 10000) + a + b;
    }

    /** A person the centre already knows (central ids set), so their moves are not held back. */
    public Person knownPerson(String lastName) {
        seed();
        String prisonNumber = uniquePrisonNumber();
        return people.upsertFromCentral(system(), new PersonData(UUID.randomUUID().toString(), prisonNumber, null,
                "Alex", lastName, LocalDate.of(1990, 1, 2), "male", UUID.randomUUID().toString()));
    }

    public Move bookRequested(Person person, UUID from, UUID to, LocalDate date) {
        return moves.book(staff(), new BookMove(person.getId(), MoveType.PRISON_TRANSFER, from, to, date,
                LocalTime.of(9, 30), null, false));
    }

    /** A requested prison transfer Moorland → Leeds for a fresh person, on a date no other test uses. */
    public Move bookRequested() {
        return bookRequested(knownPerson("Fixture"), MOORLAND, LEEDS, uniqueDate());
    }

    public static LocalDate uniqueDate() {
        return LocalDate.of(2030, 1, 1).plusDays(SEQ.incrementAndGet());
    }
}
