package org.movedesk.sandbox;

import org.movedesk.sandbox.locations.Location;
import org.movedesk.sandbox.moves.Move;
import org.movedesk.sandbox.people.Custody;
import org.movedesk.sandbox.people.Person;
import org.movedesk.sandbox.restrictedpatients.RestrictedPatient;
import org.movedesk.sandbox.world.World;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Read access to what the sandbox holds, for tests: every method returns an immutable snapshot taken under
 * the sandbox's lock, so it never sees a half-applied request.
 */
public final class SandboxState {

    /** A move as stored; {@code timeline} lists event types in timeline order. */
    public record MoveSnapshot(UUID id, String reference, String status, String moveType, LocalDate date,
                               UUID profileId, UUID personId, UUID fromLocationId, UUID toLocationId,
                               String cancellationReason, String rejectionReason, Instant updatedAt,
                               List<String> timeline) {
    }

    public record PersonSnapshot(UUID id, String prisonNumber, String firstNames, String lastName,
                                 LocalDate dateOfBirth, String policeNationalComputer, List<UUID> profileIds,
                                 String custody, String prisonAgencyId, String hospitalAgencyId) {
    }

    public record PatientSnapshot(String prisonerNumber, String fromLocationId, String hospitalLocationCode,
                                  String supportingPrisonId, LocalDateTime dischargeTime, String commentText) {
    }

    public record LocationSnapshot(UUID id, String key, String title, String locationType, String nomisAgencyId) {
    }

    private final World world;

    SandboxState(World world) {
        this.world = world;
    }

    public Optional<String> moveStatus(UUID moveId) {
        return move(moveId).map(MoveSnapshot::status);
    }

    public Optional<MoveSnapshot> move(UUID moveId) {
        return locked(() -> world.moves().byId(moveId).map(SandboxState::snapshot));
    }

    public Optional<MoveSnapshot> moveByReference(String reference) {
        return locked(() -> world.moves().all().stream().filter(m -> m.reference().equals(reference)).findFirst()
                .map(SandboxState::snapshot));
    }

    public List<MoveSnapshot> moves() {
        return locked(() -> world.moves().all().stream().map(SandboxState::snapshot).toList());
    }

    public int moveCount() {
        return locked(() -> world.moves().size());
    }

    public List<PersonSnapshot> people() {
        return locked(() -> world.people().all().stream().map(SandboxState::snapshot).toList());
    }

    public Optional<PersonSnapshot> person(UUID id) {
        return locked(() -> world.people().byId(id).map(SandboxState::snapshot));
    }

    public Optional<PersonSnapshot> personByPrisonNumber(String prisonNumber) {
        return locked(() -> world.people().firstByPrisonNumber(prisonNumber).map(SandboxState::snapshot));
    }

    /** People NOMIS would show in a prison (may be discharged to hospital). */
    public List<PersonSnapshot> peopleInPrison() {
        return people().stream().filter(p -> p.custody().equals(Custody.IN_PRISON.name())).toList();
    }

    /** People released to hospital who are not restricted patients yet (may be migrated in). */
    public List<PersonSnapshot> peopleToMigrate() {
        return locked(() -> world.people().all().stream()
                .filter(p -> p.custody() == Custody.RELEASED_TO_HOSPITAL)
                .filter(p -> !world.patients().containsKey(p.prisonNumber()))
                .map(SandboxState::snapshot).toList());
    }

    public Optional<PatientSnapshot> patient(String prisonNumber) {
        return locked(() -> Optional.ofNullable(world.patients().get(prisonNumber)).map(SandboxState::snapshot));
    }

    public List<PatientSnapshot> patients() {
        return locked(() -> world.patients().values().stream().map(SandboxState::snapshot).toList());
    }

    public List<LocationSnapshot> locations() {
        return world.locations().all().stream().map(SandboxState::snapshot).toList();
    }

    public Optional<LocationSnapshot> locationByAgencyId(String agencyId) {
        return world.locations().byAgencyId(agencyId).map(SandboxState::snapshot);
    }

    public List<LocationSnapshot> locationsOfType(String locationType) {
        return world.locations().ofType(locationType).stream().map(SandboxState::snapshot).toList();
    }

    private <T> T locked(Supplier<T> read) {
        synchronized (world) {
            return read.get();
        }
    }

    private static MoveSnapshot snapshot(Move m) {
        return new MoveSnapshot(m.id(), m.reference(), m.status(), m.moveType(), m.date(), m.profileId(), m.personId(),
                m.fromLocationId(), m.toLocationId(), m.cancellationReason(), m.rejectionReason(), m.updatedAt(),
                m.timeline().stream().map(e -> e.eventType()).toList());
    }

    private static PersonSnapshot snapshot(Person p) {
        return new PersonSnapshot(p.id(), p.prisonNumber(), p.firstNames(), p.lastName(), p.dateOfBirth(),
                p.policeNationalComputer(), List.copyOf(p.profileIds()), p.custody().name(), p.prisonAgencyId(),
                p.hospitalAgencyId());
    }

    private static PatientSnapshot snapshot(RestrictedPatient p) {
        return new PatientSnapshot(p.prisonerNumber(), p.fromLocationId(), p.hospitalLocationCode(),
                p.supportingPrisonId(), p.dischargeTime(), p.commentText());
    }

    private static LocationSnapshot snapshot(Location l) {
        return new LocationSnapshot(l.id(), l.key(), l.title(), l.locationType(), l.nomisAgencyId());
    }
}
