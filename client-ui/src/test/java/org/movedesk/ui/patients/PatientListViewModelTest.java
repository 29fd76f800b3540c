package org.movedesk.ui.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.locations.LocationService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.people.Person;
import org.movedesk.core.restrictedpatients.DischargeToHospital;
import org.movedesk.core.restrictedpatients.PatientRow;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.testing.ViewModelTest;

class PatientListViewModelTest extends ViewModelTest {

    @Autowired RestrictedPatientService patients;
    @Autowired LocationService locations;

    private PatientListViewModel list;

    @BeforeEach
    void setUp() {
        signIn(operator("rp-all", Role.RP_SEARCH, Role.RP_TRANSFER, Role.RP_REMOVE, Role.RP_MIGRATE));
        list = new PatientListViewModel(patients, new PatientLocations(locations), session, tasks, events, null);
    }

    private Person patient(String name) {
        Person person = fixture.knownPerson(name);
        patients.dischargeToHospital(StoreFixture.rpOfficer(), new DischargeToHospital(person.getPrisonNumber(), "MDI", "HAZLWD",
                null, LocalDateTime.of(2026, 3, 1, 10, 0), "from the list test"));
        return person;
    }

    private PatientRow row(Person person) {
        list.searchProperty().set(person.getPrisonNumber());
        list.load();
        return list.rows().stream().filter(r -> r.prisonerNumber().equals(person.getPrisonNumber())).findFirst().orElseThrow();
    }

    private LocationChoice prison(String agencyId) {
        return list.prisons().stream().filter(c -> c.agencyId().equals(agencyId)).findFirst().orElseThrow();
    }

    @Test
    void searchFindsAPatientByPrisonNumberWithHospitalAndPrisonNames() {
        Person person = patient("Listed");
        list.open();
        PatientRow found = row(person);
        assertThat(found.hospitalTitle()).isEqualTo("Hazelwood House");
        assertThat(found.supportingPrisonId()).isEqualTo("MDI");
        assertThat(list.summaryProperty().get()).isEqualTo("1 patient");
    }

    @Test
    void actionsFollowTheOperatorsRoles() {
        signIn(operator("rp-look", Role.RP_SEARCH));
        list.open();
        assertThat(list.canSearchProperty().get()).isTrue();
        assertThat(list.canDischargeProperty().get()).isFalse();
        assertThat(list.canRemoveProperty().get()).isFalse();
        assertThat(list.canMigrateProperty().get()).isFalse();

        signIn(operator("rp-remover", Role.RP_REMOVE));
        list.open();
        assertThat(list.canSearchProperty().get()).isFalse();
        assertThat(list.canRemoveProperty().get()).isTrue();
        assertThat(list.errorProperty().get()).contains("RP_SEARCH");
        assertThat(list.rows()).isEmpty();
    }

    @Test
    void changingToTheSamePrisonShowsTheCentralRuleThenADifferentOneWorks() {
        Person person = patient("Supported");
        list.open();
        PatientRow found = row(person);

        list.changeSupportingPrison(found, prison("MDI"));
        assertThat(list.errorProperty().get()).isEqualTo("Prisoner (" + person.getPrisonNumber() + ") already supported by MDI");

        list.changeSupportingPrison(found, prison("LEI"));
        assertThat(list.errorProperty().get()).isEmpty();
        assertThat(list.noticeProperty().get()).contains("HMP Leeds (LEI)");
        assertThat(row(person).supportingPrisonId()).isEqualTo("LEI");
    }

    @Test
    void removeTakesThePatientOffTheList() {
        Person person = patient("Removed");
        list.open();
        list.remove(row(person));
        assertThat(list.noticeProperty().get()).contains("no longer a restricted patient");
        assertThat(list.rows()).noneMatch(r -> r.prisonerNumber().equals(person.getPrisonNumber()));
    }

    @Test
    void migrateInChecksTheFormThenRecordsThePatientAndRefusesATwin() {
        list.open();
        list.startMigrateIn();
        list.migratePrisonNumberProperty().set("nonsense");
        list.migrateTimeProperty().set("7pm");
        assertThat(list.migrateIn()).isFalse();
        assertThat(list.errorProperty().get()).contains("one letter, four digits").contains("Choose the hospital")
                .contains("Choose the prison").contains("HH:MM");

        String number = StoreFixture.uniquePrisonNumber();
        list.migratePrisonNumberProperty().set(number);
        list.migrateHospitalProperty().set(list.hospitals().stream().filter(h -> h.agencyId().equals("RAMPTN")).findFirst().orElseThrow());
        list.migrateFromProperty().set(prison("BXI"));
        list.migrateTimeProperty().set("19:00");
        assertThat(list.migrateIn()).isTrue();
        assertThat(list.noticeProperty().get()).contains(number).contains("Rampton");
        assertThat(patients.find(StoreFixture.rpOfficer(), number)).get()
                .satisfies(p -> assertThat(p.getHospitalLocationCode()).isEqualTo("RAMPTN"));

        assertThat(list.migrateIn()).isTrue();
        assertThat(list.errorProperty().get()).isEqualTo("Prisoner (" + number + ") is already a restricted patient");
    }
}
