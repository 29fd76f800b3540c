package org.movedesk.ui.patients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import org.movedesk.core.locations.LocationService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.ui.app.DeskIdentity;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.shell.NavigationEntry;

/** Restricted patients (Ctrl+5) and the discharge-to-hospital wizard (Ctrl+Shift+H). */
@Configuration(proxyBeanMethods = false)
public class PatientsFeature {

    public static final String LIST = "patients";
    public static final String DISCHARGE = "discharge";

    @Bean
    NavigationEntry patientsEntry() {
        return NavigationEntry.sidebar(LIST, "Patients", "mdal-local_hospital", 50,
                "/org/movedesk/ui/patients/PatientListView.fxml", "Shortcut+5",
                actor -> actor.hasAny(Role.RP_SEARCH, Role.RP_TRANSFER, Role.RP_REMOVE, Role.RP_MIGRATE));
    }

    @Bean
    NavigationEntry dischargeEntry() {
        return NavigationEntry.sidebar(DISCHARGE, "Discharge", "mdal-airport_shuttle", 55,
                "/org/movedesk/ui/patients/DischargeWizardView.fxml", "Shortcut+Shift+H",
                actor -> actor.has(Role.RP_TRANSFER));
    }

    @Bean
    PatientLocations patientLocations(LocationService locations) {
        return new PatientLocations(locations);
    }

    @Bean
    @Scope("prototype")
    PatientListViewModel patientListViewModel(RestrictedPatientService patients, PatientLocations locations,
                                              Session session, TaskRunner tasks, UiEventBus events, UiSettings settings) {
        return new PatientListViewModel(patients, locations, session, tasks, events, settings);
    }

    @Bean
    @Scope("prototype")
    DischargeWizardViewModel dischargeWizardViewModel(PersonService people, RestrictedPatientService patients,
                                                      PatientLocations locations, Session session, TaskRunner tasks,
                                                      DeskIdentity desk) {
        return new DischargeWizardViewModel(people, patients, locations, session, tasks, desk::ownLocations);
    }
}
