package org.movedesk.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.movedesk.core.desk.DeskService;
import org.movedesk.core.locations.LocationData;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.moves.ApplyOutcome;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.CentralMove;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.moves.RejectionReason;
import org.movedesk.core.moves.MoveSyncService;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.SyncError;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.restrictedpatients.CentralPatient;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.sync.pull.CacheWriter;
import org.movedesk.sync.pull.PulledLocation;
import org.movedesk.sync.pull.PulledMove;
import org.movedesk.sync.pull.PulledPerson;
import org.movedesk.sync.push.CentralLinker;

/** Sync's calls into core, in one place: all writes through core's services, as the SYSTEM actor. */
public class CoreAdapters implements CentralLinker, CacheWriter {

    static final java.time.ZoneId PRISON_ZONE = java.time.ZoneId.of("Europe/London");

    private final MoveSyncService moveSync;
    private final OutboxService outbox;
    private final DeskService desk;
    private final LocationService locations;
    private final PersonService people;
    private final RestrictedPatientService patients;

    public CoreAdapters(MoveSyncService moveSync, OutboxService outbox, DeskService desk, LocationService locations,
                        PersonService people, RestrictedPatientService patients) {
        this.patients = patients;
        this.moveSync = moveSync;
        this.outbox = outbox;
        this.desk = desk;
        this.locations = locations;
        this.people = people;
    }

    private Actor system() {
        return Actor.system("movedesk-sync", desk.current().deskId());
    }

    @Override
    public void linkMove(UUID moveId, String centralId, String reference) {
        moveSync.linkCentral(moveId, centralId, reference);
    }

    @Override
    public void cachePatient(CentralPatient patient) {
        patients.cacheFromCentral(system(), patient);
    }

    @Override
    public void linkMoveAndConfirm(long entryId, UUID moveId, String centralId, String reference) {
        moveSync.linkCentralAndConfirm(entryId, moveId, centralId, reference);
    }

    @Override
    public void retryWithoutAttempt(long entryId, Instant next, SyncError error) {
        outbox.scheduleRetry(entryId, next, error, false);
    }

    @Override
    public void upsertLocations(List<PulledLocation> pulled) {
        List<LocationData> data = new ArrayList<>(pulled.size());
        for (PulledLocation l : pulled) {
            data.add(new LocationData(UUID.fromString(l.id()), l.key(), l.title(), locationType(l.locationType()),
                    l.nomisAgencyId(), !l.disabled()));
        }
        locations.upsertFromCentral(system(), data);
    }

    private static LocationType locationType(String api) {
        if (api == null) {
            return LocationType.OTHER;
        }
        for (LocationType t : LocationType.values()) {
            if (api.equals(t.apiValue())) {
                return t;
            }
        }
        return LocationType.OTHER;
    }

    @Override
    public int applyPage(Map<String, PulledPerson> pulledPeople, List<PulledMove> pulledMoves) {
        List<CentralMove> page = new ArrayList<>(pulledMoves.size());
        for (PulledMove m : pulledMoves) {
            page.add(toCentral(m, pulledPeople.get(m.personCentralId())));
        }
        return (int) moveSync.applyCentralPage(system(), page).stream()
                .filter(o -> o == ApplyOutcome.SKIPPED_UNKNOWN_LOCATION).count();
    }

    static CentralMove toCentral(PulledMove m, PulledPerson p) {
        return new CentralMove(m.centralId(), m.reference(), MoveStatus.fromApi(m.status()), MoveType.fromApi(m.moveType()),
                m.date(),
                m.timeDue() == null ? null : m.timeDue().atZoneSameInstant(PRISON_ZONE).toLocalTime(),
                m.fromLocationId() == null ? null : UUID.fromString(m.fromLocationId()),
                m.toLocationId() == null ? null : UUID.fromString(m.toLocationId()),
                m.personCentralId(), p == null ? null : p.prisonNumber(), p == null ? null : p.firstNames(),
                p == null ? null : p.lastName(), p == null ? null : p.dateOfBirth(), m.profileCentralId(), m.notes(),
                m.cancellationReason() == null ? null : CancellationReason.fromApi(m.cancellationReason()),
                m.cancellationComment(), m.rejectionReason() == null ? null : RejectionReason.fromApi(m.rejectionReason()));
    }

    @Override
    public Map<String, UUID> refreshedMovesAt(Collection<UUID> locationIds) {
        return moveSync.refreshedCentralMovesAt(system(), locationIds);
    }

    @Override
    public void markNotRefreshed(Collection<UUID> moveIds) {
        moveSync.markNotRefreshed(moveIds);
    }

    @Override
    public Set<UUID> deskLocations() {
        return desk.current().ownLocationIds();
    }
}
