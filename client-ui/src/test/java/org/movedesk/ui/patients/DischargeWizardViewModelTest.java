package org.movedesk.ui.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.locations.LocationService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.testing.ViewModelTest;

class DischargeWizardViewModelTest extends ViewModelTest {

    @Autowired PersonService people;
    @Autowired RestrictedPatientService patients;
    @Autowired LocationService locations;
    @Autowired OutboxService outbox;

    private DischargeWizardViewModel wizard;

    @BeforeEach
    void setUp() {
        signIn(operator("rp-wizard", Role.RP_SEARCH, Role.RP_TRANSFER));
        wizard = new DischargeWizardViewModel(people, patients, new PatientLocations(locations), session, tasks,
                () -> Set.of(StoreFixture.MOORLAND));
        wizard.reset(null);
    }

    private LocationChoice hospital(String agencyId) {
        return wizard.hospitals().stream().filter(c -> c.agencyId().equals(agencyId)).findFirst().orElseThrow();
    }

    private void walkTo(Person person) {
        wizard.prisonNumberProperty().set(person.getPrisonNumber());
        wizard.find();
        assertThat(wizard.next()).isTrue();
        wizard.hospitalProperty().set(hospital("HAZLWD"));
        assertThat(wizard.next()).isTrue();
    }

    @Test
    void offersOnlyHospitalsAndPrisonsAndStartsFromTheDesksOwnPrison() {
        assertThat(wizard.hospitals()).extracting(LocationChoice::agencyId).contains("HAZLWD", "RAMPTN").doesNotContain("MDI");
        assertThat(wizard.prisons()).extracting(LocationChoice::agencyId).contains("MDI", "LEI").doesNotContain("HAZLWD");
        assertThat(wizard.fromPrisonProperty().get().agencyId()).isEqualTo("MDI");
    }

    @Test
    void dischargesAndOnASecondTryShowsTheCentralExistingPatientMessage() {
        Person person = fixture.knownPerson("Wizard");
        walkTo(person);
        assertThat(wizard.summary()).anyMatch(line -> line.contains("Hazelwood House (HAZLWD)"));

        wizard.confirm();

        assertThat(wizard.stepProperty().get()).isEqualTo(DischargeWizardViewModel.Step.DONE);
        assertThat(wizard.doneTextProperty().get()).contains(person.getPrisonNumber()).contains("Hazelwood House");
        assertThat(outbox.forAggregate(AggregateType.PATIENT, person.getPrisonNumber()))
                .extracting(e -> e.getAction()).contains(OutboxAction.DISCHARGE);

        wizard.reset(null);
        walkTo(person);
        wizard.confirm();

        assertThat(wizard.stepProperty().get()).isEqualTo(DischargeWizardViewModel.Step.CONFIRM);
        assertThat(wizard.errorProperty().get())
                .isEqualTo("Prisoner (" + person.getPrisonNumber() + ") is already a restricted patient");
        assertThat(outbox.forAggregate(AggregateType.PATIENT, person.getPrisonNumber()))
                .filteredOn(e -> e.getAction() == OutboxAction.DISCHARGE).hasSize(1);
    }

    @Test
    void anUnknownPrisonerCannotGoPastTheFirstStep() {
        wizard.prisonNumberProperty().set("Z9999ZZ");
        wizard.find();
        assertThat(wizard.errorProperty().get()).contains("No prisoner with number Z9999ZZ is known at this desk");
        assertThat(wizard.next()).isFalse();
        assertThat(wizard.stepProperty().get()).isEqualTo(DischargeWizardViewModel.Step.FIND);
    }

    @Test
    void badShapesAreNamedFieldByField() {
        wizard.prisonNumberProperty().set("A12");
        assertThat(wizard.next()).isFalse();
        assertThat(wizard.errorProperty().get()).contains("one letter, four digits and two letters");

        walkTo(fixture.knownPerson("Shapes"));
        wizard.back();
        wizard.hospitalProperty().set(null);
        wizard.dischargeTimeProperty().set("25:99");
        wizard.commentProperty().set("x".repeat(241));
        assertThat(wizard.next()).isFalse();
        assertThat(wizard.errorProperty().get())
                .contains("Choose the hospital")
                .contains("Enter the time as HH:MM")
                .contains("1 characters too long");
        assertThat(wizard.commentLeftProperty().get()).isEqualTo(-1);
    }

    @Test
    void anOperatorWithoutTransferRightsIsToldWhatRoleIsMissing() {
        Person person = fixture.knownPerson("NoRights");
        signIn(operator("rp-search-only", Role.RP_SEARCH));
        walkTo(person);
        wizard.confirm();
        assertThat(wizard.errorProperty().get()).contains("RP_TRANSFER");
        assertThat(patients.find(StoreFixture.rpOfficer(), person.getPrisonNumber())).isEmpty();
    }
}
