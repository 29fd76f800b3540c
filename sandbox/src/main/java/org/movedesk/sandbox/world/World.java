package org.movedesk.sandbox.world;

import org.movedesk.sandbox.LedgerEntry;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.ledger.Ledger;
import org.movedesk.sandbox.locations.LocationDirectory;
import org.movedesk.sandbox.moves.IdempotencyStore;
import org.movedesk.sandbox.moves.MoveBook;
import org.movedesk.sandbox.moves.ReferenceGenerator;
import org.movedesk.sandbox.people.PeopleDirectory;
import org.movedesk.sandbox.restrictedpatients.RestrictedPatient;
import org.movedesk.sandbox.seed.Seeder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the imitated central services know. Every read and write happens while holding this object's
 * monitor ({@code synchronized (world)}), which the HTTP layer does per request: simple, and far faster
 * than any client of a sandbox needs.
 */
public final class World {

    /** The central services run on UK time; RP local date-times and "today" for seeding use it. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private final SandboxConfig config;
    private final Clock clock;
    private final Ledger ledger = new Ledger();
    private final AtomicLong eventSequence = new AtomicLong();
    private LocationDirectory locations;
    private PeopleDirectory people;
    private MoveBook moves;
    private Map<String, RestrictedPatient> patients;
    private IdempotencyStore idempotency;
    private ReferenceGenerator references;
    private Random random;

    public World(SandboxConfig config) {
        this.config = config;
        this.clock = config.clock();
        reseed();
    }

    /** Throws away every change and loads the seed data again (same seed, same data). */
    public synchronized void reseed() {
        this.random = new Random(config.seed());
        this.references = new ReferenceGenerator(new Random(config.seed() * 31 + 7));
        this.people = new PeopleDirectory();
        this.moves = new MoveBook();
        this.patients = new LinkedHashMap<>();
        this.idempotency = new IdempotencyStore(clock);
        this.ledger.clear();
        Seeder seeder = new Seeder(config.seed(), clock);
        this.locations = seeder.locations();
        seeder.seedPeople(this, config.people());
        seeder.seedMoves(this, config.moves());
    }

    public SandboxConfig config() { return config; }
    public Clock clock() { return clock; }
    public Ledger ledger() { return ledger; }
    public LocationDirectory locations() { return locations; }
    public PeopleDirectory people() { return people; }
    public MoveBook moves() { return moves; }
    public Map<String, RestrictedPatient> patients() { return patients; }
    public IdempotencyStore idempotency() { return idempotency; }
    public ReferenceGenerator references() { return references; }

    public long nextEventSequence() {
        return eventSequence.incrementAndGet();
    }

    /** A random (version 4) UUID drawn from the seeded generator, so a seeded run is repeatable. */
    public UUID newId() {
        return randomUuid(random);
    }

    public static UUID randomUuid(Random random) {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    public LocalDateTime nowLocal() {
        return LocalDateTime.now(clock.withZone(UK)).withNano(0);
    }

    public void record(String method, String path, String idempotencyKey, String resourceId, String action) {
        ledger.record(new LedgerEntry(method, path, idempotencyKey, resourceId, action, clock.instant()));
    }
}
