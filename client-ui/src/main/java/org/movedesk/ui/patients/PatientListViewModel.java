package org.movedesk.ui.patients;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.springframework.data.domain.Page;

import org.movedesk.core.common.PatientChanged;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.restrictedpatients.PatientRow;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskHandle;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiSettings;

/**
 * The restricted-patient list with search, and the small actions on one patient: change the
 * supporting prison, remove, and add a prisoner already released to hospital ("migrate in").
 * What the operator may do follows the roles core checks (RP_SEARCH to see, RP_TRANSFER to
 * discharge or change the prison, RP_REMOVE to remove, RP_MIGRATE to migrate in), so the view
 * never offers an action core would refuse. A refusal shows core's own sentence (for a central
 * rule: the central service's userMessage).
 */
public class PatientListViewModel {

    private final org.movedesk.ui.common.Subscriptions subscriptions = new org.movedesk.ui.common.Subscriptions();

    static final int PAGE_SIZE = 500;
    private static final String SEARCH_KEY = "patients.list.search";

    private final RestrictedPatientService patients;
    private final PatientLocations locations;
    private final Session session;
    private final TaskRunner tasks;
    private final UiSettings settings;

    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<PatientRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<PatientRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSearch = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canDischarge = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canChangePrison = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canMigrate = new ReadOnlyBooleanWrapper();
    private final ObservableList<LocationChoice> prisons = FXCollections.observableArrayList();
    private final ObservableList<LocationChoice> hospitals = FXCollections.observableArrayList();

    private final StringProperty migratePrisonNumber = new SimpleStringProperty("");
    private final ObjectProperty<LocationChoice> migrateHospital = new SimpleObjectProperty<>();
    private final ObjectProperty<LocationChoice> migrateFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> migrateDate = new SimpleObjectProperty<>(LocalDate.now());
    private final StringProperty migrateTime = new SimpleStringProperty("");

    private TaskHandle running;

    public PatientListViewModel(RestrictedPatientService patients, PatientLocations locations, Session session,
                                TaskRunner tasks, UiEventBus events, UiSettings settings) {
        this.patients = patients;
        this.locations = locations;
        this.session = session;
        this.tasks = tasks;
        this.settings = settings;
        if (settings != null) {
            search.set(settings.get(SEARCH_KEY, ""));
        }
        subscriptions.add(events.subscribe(PatientChanged.class, changed -> {
            if (canSearch.get()) {
                load();
            }
        }));
    }

    /** Reads the operator's roles and fetches the list and the pickers' locations. */
    public void open() {
        Actor actor = session.require();
        canSearch.set(actor.has(Role.RP_SEARCH));
        canDischarge.set(actor.has(Role.RP_TRANSFER));
        canChangePrison.set(actor.has(Role.RP_TRANSFER));
        canRemove.set(actor.has(Role.RP_REMOVE));
        canMigrate.set(actor.has(Role.RP_MIGRATE));
        tasks.run(BackgroundTask.of("Loading prisons and hospitals",
                        progress -> List.of(locations.prisons(), locations.hospitals()))
                .quiet()
                .onSuccess(lists -> {
                    prisons.setAll(lists.get(0));
                    hospitals.setAll(lists.get(1));
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure))));
        load();
    }

    public void load() {
        if (!canSearch.get()) {
            rows.clear();
            summary.set("");
            error.set("Your account may not look up restricted patients (it needs the role RP_SEARCH). "
                    + "You can still act on a prisoner you know by number; ask an administrator for RP_SEARCH.");
            return;
        }
        if (running != null && !running.isDone()) {
            running.cancel();
        }
        Actor actor = session.require();
        String text = search.get() == null ? "" : search.get().trim();
        if (settings != null) {
            settings.put(SEARCH_KEY, text);
        }
        loading.set(true);
        error.set("");
        running = tasks.run(BackgroundTask.of("Loading restricted patients",
                        progress -> patients.list(actor, text, 0, PAGE_SIZE))
                .quiet()
                .onSuccess(this::show)
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> loading.set(false)));
    }

    private void show(Page<PatientRow> page) {
        PatientRow was = selected.get();
        rows.setAll(page.getContent());
        if (was != null) {
            selected.set(rows.stream().filter(row -> row.prisonerNumber().equals(was.prisonerNumber())).findFirst()
                    .orElse(null));
        }
        long total = page.getTotalElements();
        summary.set(total > rows.size()
                ? String.format(Locale.UK, "Showing %,d of %,d patients; narrow the search to see the rest", rows.size(), total)
                : String.format(Locale.UK, "%,d patient%s", total, total == 1 ? "" : "s"));
    }

    /** Moves the patient's support to another prison; core refuses the same prison or an unknown one. */
    public void changeSupportingPrison(PatientRow patient, LocationChoice prison) {
        if (patient == null) {
            error.set("Select a patient first.");
            return;
        }
        if (prison == null) {
            error.set("Choose the new supporting prison.");
            return;
        }
        act("Changing the supporting prison", actor -> patients.changeSupportingPrison(actor, patient.prisonerNumber(),
                prison.agencyId()), "Prisoner " + patient.prisonerNumber() + " is now supported by " + prison + ".");
    }

    /** Removes the patient (the view asked for confirmation first). */
    public void remove(PatientRow patient) {
        if (patient == null) {
            error.set("Select a patient first.");
            return;
        }
        act("Removing a restricted patient", actor -> patients.remove(actor, patient.prisonerNumber()),
                "Prisoner " + patient.prisonerNumber() + " is no longer a restricted patient.");
    }

    /** Clears the migrate-in form before the dialog opens. */
    public void startMigrateIn() {
        migratePrisonNumber.set("");
        migrateHospital.set(null);
        migrateFrom.set(null);
        migrateDate.set(LocalDate.now());
        migrateTime.set("");
    }

    /** What is wrong with the migrate-in form, one sentence per field; empty when it can be sent. */
    public List<String> migrateInProblems() {
        List<String> problems = new ArrayList<>();
        String shape = DischargeWizardViewModel.prisonNumberProblem(migratePrisonNumber.get());
        if (!shape.isEmpty()) {
            problems.add(shape);
        }
        if (migrateHospital.get() == null) {
            problems.add("Choose the hospital the prisoner was released to.");
        }
        if (migrateFrom.get() == null) {
            problems.add("Choose the prison the prisoner was released from.");
        }
        if (migrateDate.get() == null) {
            problems.add("Enter the date of the release to hospital.");
        } else if (migrateDate.get().isAfter(LocalDate.now())) {
            problems.add("The release date is in the future.");
        }
        if (!migrateTime.get().isBlank() && DischargeWizardViewModel.parseTime(migrateTime.get()).isEmpty()) {
            problems.add("Enter the time as HH:MM (24 hour), e.g. 14:05, or leave it empty.");
        }
        return problems;
    }

    /** Records a prisoner already released to hospital; returns false (with the problems) when the form is incomplete. */
    public boolean migrateIn() {
        List<String> problems = migrateInProblems();
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        String number = migratePrisonNumber.get().trim().toUpperCase(Locale.ROOT);
        String hospital = migrateHospital.get().agencyId();
        String from = migrateFrom.get().agencyId();
        LocalDateTime when = LocalDateTime.of(migrateDate.get(),
                DischargeWizardViewModel.parseTime(migrateTime.get()).orElse(LocalTime.MIDNIGHT));
        act("Adding a prisoner released to hospital", actor -> patients.migrateIn(actor, number, hospital, from, when),
                "Prisoner " + number + " is recorded as a restricted patient at " + migrateHospital.get() + ".");
        return true;
    }

    private interface Action {
        Object apply(Actor actor);
    }

    private void act(String title, Action action, String done) {
        Actor actor = session.require();
        busy.set(true);
        error.set("");
        notice.set("");
        tasks.run(BackgroundTask.of(title, progress -> action.apply(actor))
                .onSuccess(result -> {
                    notice.set(done);
                    load();
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> busy.set(false)));
    }

    /** The selected patient's supporting prison as a picker choice, to preselect it. */
    public Optional<LocationChoice> currentSupportingPrison(PatientRow patient) {
        return patient == null ? Optional.empty()
                : prisons.stream().filter(choice -> choice.agencyId().equals(patient.supportingPrisonId())).findFirst();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<PatientRow> rows() {
        return rows;
    }

    public ObjectProperty<PatientRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSearchProperty() {
        return canSearch.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDischargeProperty() {
        return canDischarge.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canChangePrisonProperty() {
        return canChangePrison.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRemoveProperty() {
        return canRemove.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canMigrateProperty() {
        return canMigrate.getReadOnlyProperty();
    }

    public ObservableList<LocationChoice> prisons() {
        return prisons;
    }

    public ObservableList<LocationChoice> hospitals() {
        return hospitals;
    }

    public StringProperty migratePrisonNumberProperty() {
        return migratePrisonNumber;
    }

    public ObjectProperty<LocationChoice> migrateHospitalProperty() {
        return migrateHospital;
    }

    public ObjectProperty<LocationChoice> migrateFromProperty() {
        return migrateFrom;
    }

    public ObjectProperty<LocalDate> migrateDateProperty() {
        return migrateDate;
    }

    public StringProperty migrateTimeProperty() {
        return migrateTime;
    }

    /** Stops reacting to events (the shell calls it when the operator signs out). */
    public void dispose() {
        subscriptions.dispose();
    }
}
