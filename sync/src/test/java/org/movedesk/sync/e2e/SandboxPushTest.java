package org.movedesk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveRepository;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.outbox.OutboxCounts;
import org.movedesk.core.people.NewPerson;
import org.movedesk.core.people.Person;
import org.movedesk.core.restrictedpatients.DischargeToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.testing.DeskHarness;
import org.movedesk.sync.testing.Workload;

/** End to end against the sandbox: a mixed offline queue drains, exactly once, and the centre ends where the desk is. */
class SandboxPushTest {

    @TempDir
    Path store;
    Sandbox sandbox;
    DeskHarness desk;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().people(300).build());
        desk = DeskHarness.start(store, sandbox.baseUri());
    }

    @AfterEach
    void stop() {
        desk.close();
        sandbox.close();
    }

    @Test
    void aMixedOfflineQueueDrainsExactlyOnceAndMatchesTheContract() throws Exception {
        List<SandboxState.PersonSnapshot> people = Workload.prepare(desk, sandbox, 24);
        int entries = Workload.recordMoves(desk, sandbox, people.subList(0, 18), 1);

        // someone the centre has never heard of: person, profile and move all created offline, in order
        Person stranger = desk.people().recordNew(DeskHarness.staff(),
                new NewPerson("Z9876YX", null, "Sam", "Newcomer", LocalDate.of(1985, 3, 4), "male"));
        UUID prison = sandbox.state().locationsOfType("prison").get(0).id();
        UUID court = sandbox.state().locationsOfType("court").get(0).id();
        Move newcomerMove = desk.moves().book(DeskHarness.staff(), new BookMove(stranger.getId(), MoveType.COURT_APPEARANCE,
                prison, court, LocalDate.now().plusDays(3), null, "first move", false));
        desk.moves().accept(DeskHarness.staff(), newcomerMove.getId(), null, null);

        // restricted patients: two discharges, one change of supporting prison, one removal
        RestrictedPatientService rp = desk.bean(RestrictedPatientService.class);
        List<SandboxState.LocationSnapshot> hospitals = sandbox.state().locationsOfType("hospital");
        SandboxState.PersonSnapshot a = people.get(20);
        SandboxState.PersonSnapshot b = people.get(21);
        rp.dischargeToHospital(DeskHarness.rpOfficer(), new DischargeToHospital(a.prisonNumber(), a.prisonAgencyId(),
                hospitals.get(0).nomisAgencyId(), null, null, "to hospital"));
        rp.dischargeToHospital(DeskHarness.rpOfficer(), new DischargeToHospital(b.prisonNumber(), b.prisonAgencyId(),
                hospitals.get(0).nomisAgencyId(), null, null, null));
        String otherPrison = sandbox.state().locationsOfType("prison").stream().map(SandboxState.LocationSnapshot::nomisAgencyId)
                .filter(id -> id != null && !id.equals(a.prisonAgencyId())).findFirst().orElseThrow();
        rp.changeSupportingPrison(DeskHarness.rpOfficer(), a.prisonNumber(), otherPrison);
        rp.remove(DeskHarness.rpOfficer(), b.prisonNumber());

        desk.startPush();
        OutboxCounts counts = desk.awaitDrained(Duration.ofSeconds(60));

        assertThat(counts.failed()).isZero();
        assertThat(counts.conflict()).isZero();
        Workload.verifyExactlyOnce(desk, sandbox);
        assertThat(sandbox.state().personByPrisonNumber("Z9876YX")).isPresent();
        Move created = desk.bean(MoveRepository.class).findById(newcomerMove.getId()).orElseThrow();
        assertThat(sandbox.state().move(UUID.fromString(created.getCentralId())).orElseThrow().personId())
                .isEqualTo(sandbox.state().personByPrisonNumber("Z9876YX").orElseThrow().id());
        assertThat(sandbox.state().patient(a.prisonNumber()).orElseThrow().supportingPrisonId()).isEqualTo(otherPrison);
        assertThat(sandbox.state().patient(b.prisonNumber())).isEmpty();
        assertThat(entries).isGreaterThan(30);
        // a confirmed restricted-patient action re-caches the centre's answer, before any lookup
        SandboxState.PatientSnapshot centralA = sandbox.state().patient(a.prisonNumber()).orElseThrow();
        org.movedesk.core.restrictedpatients.RestrictedPatient cachedA = rp.find(DeskHarness.rpOfficer(), a.prisonNumber())
                .orElseThrow();
        assertThat(cachedA.getHospitalLocationCode()).isEqualTo(centralA.hospitalLocationCode());
        assertThat(cachedA.getDischargeTime()).isEqualTo(centralA.dischargeTime());

        // looking patients up caches the centre's record, and forgets one the centre no longer has
        assertThat(desk.patients.lookup(a.prisonNumber(), "jbloggs")).get()
                .extracting(org.movedesk.core.restrictedpatients.CentralPatient::supportingPrisonId).isEqualTo(otherPrison);
        assertThat(rp.find(DeskHarness.rpOfficer(), a.prisonNumber())).get()
                .extracting(org.movedesk.core.restrictedpatients.RestrictedPatient::getSupportingPrisonId).isEqualTo(otherPrison);
        assertThat(desk.patients.lookup(b.prisonNumber(), "jbloggs")).isEmpty();
        assertThat(rp.find(DeskHarness.rpOfficer(), b.prisonNumber())).isEmpty();
        SandboxState.PatientSnapshot elsewhere = sandbox.state().patients().stream()
                .filter(p -> !p.prisonerNumber().equals(a.prisonNumber())).findFirst().orElse(null);
        if (elsewhere != null) {
            desk.patients.lookup(elsewhere.prisonerNumber(), "jbloggs");
            assertThat(rp.find(DeskHarness.rpOfficer(), elsewhere.prisonerNumber())).get()
                    .extracting(org.movedesk.core.restrictedpatients.RestrictedPatient::getHospitalLocationCode)
                    .isEqualTo(elsewhere.hospitalLocationCode());
        }
        assertThat(desk.contractProblems()).isEmpty();
        assertThat(desk.status.current().lastPush()).isNotNull();
        assertThat(desk.status.current().online()).isTrue();
    }
}
