package org.movedesk.ui.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.movedesk.core.desk.DeskService;
import org.movedesk.core.locations.LocationData;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.CentralMove;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveSyncService;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.moves.RejectionReason;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.SyncEngine;
import org.movedesk.ui.common.BackgroundTask;

/**
 * Fills an empty demo store with the sandbox's reference data: its locations and people, as
 * if a first pull had run (no HTTP in the UI: the sandbox object is asked directly), and makes
 * the prison with the most people this desk's own location, so the dashboard has something
 * to show. Runs once; a store that already has locations is left alone.
 */
public class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    static final String MARKER = "demo-seeded.txt";

    private final Sandbox sandbox;
    private final LocationService locations;
    private final PersonService people;
    private final DeskService desk;
    private final MoveSyncService moves;
    private final SyncEngine sync;

    /** {@code sync} is null when sync is switched off; then the seeder applies the moves itself. */
    public DemoSeeder(Sandbox sandbox, LocationService locations, PersonService people, DeskService desk,
                      MoveSyncService moves, SyncEngine sync) {
        this.sync = sync;
        this.sandbox = sandbox;
        this.locations = locations;
        this.people = people;
        this.desk = desk;
        this.moves = moves;
    }

    /**
     * Seeding is done once the marker file exists. A seed cut short (the app closed meanwhile)
     * simply runs again: every upsert is idempotent.
     */
    public boolean needed(Path storeDir) {
        return !Files.exists(storeDir.resolve(MARKER));
    }

    public void markDone(Path storeDir) {
        try {
            Files.createDirectories(storeDir);
            Files.writeString(storeDir.resolve(MARKER), "seeded from the sandbox (seed "
                    + sandbox.config().seed() + ")\n");
        } catch (IOException failed) {
            LOG.warn("Could not write {}; the demo data will be re-applied next start", MARKER, failed);
        }
    }

    /**
     * Locations, people, the moves, and last the desk's own prison; with sync running, a
     * refresh is asked for at the end (the pull then keeps the moves current over loopback like
     * on a real desk). Each write is an idempotent upsert, retried once if sync wrote the same
     * row at the same moment. Returns how many people were stored.
     */
    public int seed(Actor admin, BackgroundTask.Progress progress) {
        long started = System.nanoTime();
        Actor system = Actor.system("demo-seed", admin.deskId());
        SandboxState state = sandbox.state();
        List<LocationData> data = state.locations().stream()
                .map(location -> new LocationData(location.id(), location.key(), location.title(),
                        type(location.locationType()), location.nomisAgencyId(), true))
                .toList();
        twice(() -> locations.upsertFromCentral(system, data));
        List<SandboxState.PersonSnapshot> everyone = state.people();
        // applied here even when sync runs: the demo must not depend on the first pull succeeding
        List<SandboxState.MoveSnapshot> centralMoves = state.moves();
        long total = centralMoves.size() + everyone.size();
        long done = 0;
        for (SandboxState.PersonSnapshot person : everyone) {
            if (progress.isCancelled()) {
                return (int) done;
            }
            twice(() -> people.upsertFromCentral(system, new PersonData(person.id().toString(), person.prisonNumber(),
                    person.policeNationalComputer(), person.firstNames(), person.lastName(), person.dateOfBirth(),
                    null, person.profileIds().isEmpty() ? null : person.profileIds().get(0).toString())));
            progress.update(++done, total);
        }
        Map<UUID, SandboxState.PersonSnapshot> byId = everyone.stream()
                .collect(Collectors.toMap(SandboxState.PersonSnapshot::id, person -> person));
        for (SandboxState.MoveSnapshot move : centralMoves) {
            if (progress.isCancelled()) {
                return everyone.size();
            }
            SandboxState.PersonSnapshot person = byId.get(move.personId());
            if (person != null) {
                twice(() -> moves.applyCentral(system, central(move, person)));
            }
            progress.update(++done, total);
        }
        busiestPrison(state).ifPresent(prison -> desk.setOwnLocations(admin, Set.of(prison)));
        if (sync != null) {
            sync.syncNow();
        }
        LOG.info("Demo store seeded with {} locations, {} people and {} moves in {} ms{}", data.size(), everyone.size(),
                centralMoves.size(), (System.nanoTime() - started) / 1_000_000,
                sync == null ? "" : "; sync refreshes from here on");
        return everyone.size();
    }

    private static void twice(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException raced) {
            write.run();
        }
    }

    private static CentralMove central(SandboxState.MoveSnapshot move, SandboxState.PersonSnapshot person) {
        return new CentralMove(move.id().toString(), move.reference(), MoveStatus.fromApi(move.status()),
                MoveType.fromApi(move.moveType()), move.date(), null, move.fromLocationId(), move.toLocationId(),
                person.id().toString(), person.prisonNumber(), person.firstNames(), person.lastName(),
                person.dateOfBirth(), move.profileId() == null ? null : move.profileId().toString(), null,
                move.cancellationReason() == null ? null : CancellationReason.fromApi(move.cancellationReason()), null,
                move.rejectionReason() == null ? null : RejectionReason.fromApi(move.rejectionReason()));
    }

    private static java.util.Optional<UUID> busiestPrison(SandboxState state) {
        Map<String, Long> byAgency = state.peopleInPrison().stream()
                .filter(person -> person.prisonAgencyId() != null)
                .collect(Collectors.groupingBy(SandboxState.PersonSnapshot::prisonAgencyId, Collectors.counting()));
        Map<String, UUID> prisons = state.locations().stream()
                .filter(location -> location.nomisAgencyId() != null)
                .collect(Collectors.toMap(SandboxState.LocationSnapshot::nomisAgencyId,
                        SandboxState.LocationSnapshot::id, (a, b) -> a));
        return byAgency.entrySet().stream()
                .filter(entry -> prisons.containsKey(entry.getKey()))
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(entry -> prisons.get(entry.getKey()));
    }

    private static LocationType type(String apiValue) {
        try {
            return LocationType.fromApi(apiValue);
        } catch (RuntimeException unknown) {
            return LocationType.OTHER;
        }
    }

}
