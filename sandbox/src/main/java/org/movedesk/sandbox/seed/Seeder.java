package org.movedesk.sandbox.seed;

import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.locations.Location;
import org.movedesk.sandbox.locations.LocationDirectory;
import org.movedesk.sandbox.moves.Move;
import org.movedesk.sandbox.moves.TimelineEvent;
import org.movedesk.sandbox.people.Custody;
import org.movedesk.sandbox.people.Person;
import org.movedesk.sandbox.people.Profile;
import org.movedesk.sandbox.restrictedpatients.RestrictedPatient;
import org.movedesk.sandbox.world.World;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates the seed data from one number: the same seed always gives the same locations, people,
 * prison numbers, restricted patients and moves (ids included). Plain lists and one {@link Random}, so
 * 2,000 people take a few milliseconds.
 */
public final class Seeder {

    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** Seed records carry this user name where the real services would name a person. */
    public static final String SEED_USER = "SANDBOX_SEED";

    private final Random random;
    private final Clock clock;
    private final Instant seededAt;
    private final LocationDirectory locations;

    public Seeder(long seed, Clock clock) {
        this.random = new Random(seed);
        this.clock = clock;
        this.seededAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.locations = buildLocations();
    }

    public LocationDirectory locations() {
        return locations;
    }

    private LocationDirectory buildLocations() {
        List<Location> list = new ArrayList<>();
        Instant created = Instant.parse("2019-06-01T09:00:00Z");
        for (SeedLocations.Row row : SeedLocations.ROWS) {
            String key = row.agencyId().toLowerCase(Locale.ROOT);
            list.add(new Location(World.randomUuid(random), key, row.title(), row.type(), row.agencyId(),
                    row.title().toUpperCase(Locale.ROOT), null, row.city(), row.postcode(),
                    50.5 + random.nextDouble() * 3.5, -3.5 + random.nextDouble() * 3.5, row.yoi(), created));
        }
        return new LocationDirectory(list);
    }

    public void seedPeople(World world, int count) {
        List<Location> prisons = locations.ofType(Location.PRISON);
        List<Location> hospitals = hospitalsOf();
        Set<String> prisonNumbers = new HashSet<>();
        LocalDateTime now = LocalDateTime.now(clock.withZone(World.UK)).truncatedTo(ChronoUnit.MINUTES);
        int hospitalReleases = 0;
        for (int i = 0; i < count; i++) {
            Person person = new Person(World.randomUuid(random), seededAt);
            String first = pick(SeedNames.FIRST);
            person.firstNames(random.nextInt(4) == 0 ? first + " " + pick(SeedNames.MIDDLE) : first)
                    .lastName(pick(SeedNames.LAST))
                    .dateOfBirth(LocalDate.of(1955, 1, 1).plusDays(random.nextInt(365 * 50)))
                    .prisonNumber(uniquePrisonNumber(prisonNumbers))
                    .policeNationalComputer(pnc())
                    .criminalRecordsOffice(cro());
            String prison = prisons.get(random.nextInt(prisons.size())).nomisAgencyId();
            double where = random.nextDouble();
            if (where < 0.85) {
                person.inPrison(prison);
            } else if (where < 0.93) {
                String hospital = hospitals.get(random.nextInt(hospitals.size())).nomisAgencyId();
                person.releasedToHospital(prison, hospital, now.minusDays(1 + random.nextInt(400)).minusMinutes(random.nextInt(600)));
            } else {
                person.released(prison, now.minusDays(1 + random.nextInt(700)));
            }
            world.people().add(person);
            world.people().addProfile(new Profile(World.randomUuid(random), person.id(), Json.array(), false, seededAt));
            if (person.custody() == Custody.RELEASED_TO_HOSPITAL && hospitalReleases++ % 2 == 0) {
                // half of those released to hospital are restricted patients already; the rest can be migrated in
                RestrictedPatient patient = new RestrictedPatient(person.prisonNumber(), person.prisonAgencyId(),
                        person.hospitalAgencyId(), person.prisonAgencyId(), person.releasedAt(), null,
                        person.releasedAt(), SEED_USER);
                world.patients().put(person.prisonNumber(), patient);
            }
        }
    }

    /** Bulk moves for load tests, dated from yesterday to 14 days ahead, with statuses that fit their date. */
    public void seedMoves(World world, int count) {
        if (count == 0) {
            return;
        }
        List<Person> inPrison = world.people().all().stream().filter(p -> p.custody() == Custody.IN_PRISON).toList();
        if (inPrison.isEmpty()) {
            throw new IllegalArgumentException("moves need people in prison to move: seed more people");
        }
        Map<String, List<Location>> destinations = Map.of(
                "court_appearance", locations.ofType(Location.COURT),
                "prison_transfer", locations.ofType(Location.PRISON),
                "hospital", hospitalsOf(),
                "approved_premises", locations.ofType(Location.APPROVED_PREMISES),
                "police_transfer", locations.ofType(Location.POLICE));
        List<String> types = List.of("court_appearance", "court_appearance", "court_appearance", "prison_transfer",
                "prison_transfer", "hospital", "approved_premises", "police_transfer");
        LocalDate today = world.today();
        Set<Journey> taken = new HashSet<>();
        int made = 0;
        int attempts = 0;
        while (made < count && attempts++ < count * 20L) {
            Person person = inPrison.get(random.nextInt(inPrison.size()));
            Location from = locations.byAgencyId(person.prisonAgencyId()).orElseThrow();
            String type = types.get(random.nextInt(types.size()));
            List<Location> candidates = destinations.get(type);
            Location to = candidates.get(random.nextInt(candidates.size()));
            if (to.id().equals(from.id())) {
                continue;
            }
            LocalDate date = today.plusDays(random.nextInt(16) - 1L);
            if (!taken.add(new Journey(person.id(), from.id(), to.id(), date))) {
                continue;
            }
            Move move = new Move(World.randomUuid(random), world.references().next(), seededAt)
                    .moveType(type).date(date).status(statusFor(date, today))
                    .profile(person.profileIds().get(0), person.id())
                    .fromLocationId(from.id()).toLocationId(to.id());
            if (Move.CANCELLED.equals(move.status())) {
                move.cancellationReason("made_in_error");
            }
            move.record(new TimelineEvent(World.randomUuid(random), "MoveRequested", seededAt, seededAt, SEED_USER,
                    null, Map.of(), world.nextEventSequence()));
            world.moves().add(move);
            made++;
        }
    }

    /** What makes two moves duplicates of each other. */
    private record Journey(java.util.UUID person, java.util.UUID from, java.util.UUID to, LocalDate date) {
    }

    private List<Location> hospitalsOf() {
        List<Location> hospitals = new ArrayList<>(locations.ofType(Location.HOSPITAL));
        hospitals.addAll(locations.ofType(Location.HIGH_SECURITY_HOSPITAL));
        return hospitals;
    }

    private String statusFor(LocalDate date, LocalDate today) {
        double r = random.nextDouble();
        if (r < 0.05) {
            return Move.CANCELLED;
        }
        if (date.isBefore(today)) {
            return Move.COMPLETED;
        }
        if (date.isEqual(today)) {
            return r < 0.4 ? Move.BOOKED : r < 0.8 ? Move.IN_TRANSIT : Move.COMPLETED;
        }
        return r < 0.5 ? Move.REQUESTED : Move.BOOKED;
    }

    private String uniquePrisonNumber(Set<String> used) {
        while (true) {
            String number = new StringBuilder(7).append("ABG".charAt(random.nextInt(3)))
                    .append(digits(random.nextInt(10_000), 4)).append(letter()).append(letter()).toString();
            if (used.add(number)) {
                return number;
            }
        }
    }

    /** Police National Computer number, e.g. {@code 09/481924K}. */
    private String pnc() {
        return digits(random.nextInt(25), 2) + "/" + digits(random.nextInt(1_000_000), 6) + letter();
    }

    /** Criminal Records Office number, e.g. {@code 123456/08K}. */
    private String cro() {
        return digits(random.nextInt(1_000_000), 6) + "/" + digits(random.nextInt(25), 2) + letter();
    }

    /** Zero-padded digits; String.format is far slower and this runs for every seeded person. */
    static String digits(int value, int width) {
        String text = Integer.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    private char letter() {
        return LETTERS.charAt(random.nextInt(LETTERS.length()));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
