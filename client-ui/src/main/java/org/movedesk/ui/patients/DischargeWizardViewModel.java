package org.movedesk.ui.patients;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.restrictedpatients.DischargeToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatient;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.PrisonNumbers;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;

/**
 * Discharge a prisoner to hospital in four steps: find the prisoner (by prison number, in the
 * desk's store), choose the hospital (a searchable list of hospital locations) and the
 * prisons, check and confirm, done. Shapes are checked as the operator types; the rules
 * (already a patient, no such prisoner) are core's, and their sentence is shown as it is -
 * for a central rule that is the central service's own userMessage.
 */
public class DischargeWizardViewModel {

    /** The wizard's pages. */
    public enum Step { FIND, HOSPITAL, CONFIRM, DONE }


    private final PersonService people;
    private final RestrictedPatientService patients;
    private final PatientLocations locations;
    private final Session session;
    private final TaskRunner tasks;
    private final Supplier<Set<UUID>> ownLocations;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FIND);
    private final StringProperty prisonNumber = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Person> prisoner = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper prisonerSummary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<LocationChoice> hospital = new SimpleObjectProperty<>();
    private final ObjectProperty<LocationChoice> fromPrison = new SimpleObjectProperty<>();
    private final ObjectProperty<LocationChoice> supportingPrison = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> dischargeDate = new SimpleObjectProperty<>(LocalDate.now());
    private final StringProperty dischargeTime = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper commentLeft = new ReadOnlyIntegerWrapper(RestrictedPatientService.MAX_COMMENT);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper doneText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<LocationChoice> hospitals = FXCollections.observableArrayList();
    private final ObservableList<LocationChoice> prisons = FXCollections.observableArrayList();

    public DischargeWizardViewModel(PersonService people, RestrictedPatientService patients, PatientLocations locations,
                                    Session session, TaskRunner tasks, Supplier<Set<UUID>> ownLocations) {
        this.people = people;
        this.patients = patients;
        this.locations = locations;
        this.session = session;
        this.tasks = tasks;
        this.ownLocations = ownLocations;
        comment.addListener((obs, old, now) ->
                commentLeft.set(RestrictedPatientService.MAX_COMMENT - (now == null ? 0 : now.length())));
        prisonNumber.addListener((obs, old, now) -> {
            if (prisoner.get() != null && !prisoner.get().getPrisonNumber().equals(normalised())) {
                prisoner.set(null);
                prisonerSummary.set("");
            }
        });
    }

    /** Starts again from the first step, optionally with a prison number (from the list). */
    public void reset(String number) {
        step.set(Step.FIND);
        prisonNumber.set(number == null ? "" : number);
        prisoner.set(null);
        prisonerSummary.set("");
        hospital.set(null);
        fromPrison.set(null);
        supportingPrison.set(null);
        dischargeDate.set(LocalDate.now());
        dischargeTime.set(LocalTime.now().withSecond(0).withNano(0).toString());
        comment.set("");
        error.set("");
        doneText.set("");
        tasks.run(BackgroundTask.of("Loading prisons and hospitals",
                        progress -> List.of(locations.hospitals(), locations.prisons()))
                .quiet()
                .onSuccess(lists -> {
                    hospitals.setAll(lists.get(0));
                    prisons.setAll(lists.get(1));
                    if (fromPrison.get() == null) {
                        Set<UUID> own = ownLocations.get();
                        prisons.stream().filter(choice -> own.contains(choice.id())).findFirst().ifPresent(fromPrison::set);
                    }
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure))));
        if (number != null && !number.isBlank()) {
            find();
        }
    }

    /** Empty when the text has the prison number shape (A1234BC), else what to fix. */
    public static String prisonNumberProblem(String text) {
        return PrisonNumbers.problem(text);
    }

    static Optional<LocalTime> parseTime(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(value.length() == 4 && !value.contains(":")
                    ? value.substring(0, 2) + ":" + value.substring(2) : value));
        } catch (DateTimeParseException wrong) {
            return Optional.empty();
        }
    }

    private String normalised() {
        return PrisonNumbers.normalise(prisonNumber.get());
    }

    /** Looks the prisoner up in the desk's store. */
    public void find() {
        String problem = prisonNumberProblem(prisonNumber.get());
        if (!problem.isEmpty()) {
            error.set(problem);
            return;
        }
        String number = normalised();
        busy.set(true);
        error.set("");
        tasks.run(BackgroundTask.of("Finding prisoner " + number, progress -> people.findByPrisonNumber(number))
                .quiet()
                .onSuccess(found -> {
                    prisoner.set(found.orElse(null));
                    prisonerSummary.set(found.map(PrisonNumbers::describe).orElse(""));
                    if (found.isEmpty()) {
                        error.set("No prisoner with number " + number + " is known at this desk. Check the number; "
                                + "if it is right, wait for the next refresh from the centre and try again.");
                    }
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> busy.set(false)));
    }

    /** Checks the current page and moves on; returns whether it did. */
    public boolean next() {
        error.set("");
        List<String> problems = problemsOn(step.get());
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        if (step.get() == Step.FIND) {
            step.set(Step.HOSPITAL);
        } else if (step.get() == Step.HOSPITAL) {
            step.set(Step.CONFIRM);
        }
        return true;
    }

    public void back() {
        error.set("");
        if (step.get() == Step.CONFIRM) {
            step.set(Step.HOSPITAL);
        } else if (step.get() == Step.HOSPITAL) {
            step.set(Step.FIND);
        }
    }

    List<String> problemsOn(Step page) {
        List<String> problems = new ArrayList<>();
        if (page == Step.FIND) {
            String shape = prisonNumberProblem(prisonNumber.get());
            if (!shape.isEmpty()) {
                problems.add(shape);
            } else if (prisoner.get() == null) {
                problems.add("Press Find (or Enter in the prison number) to look the prisoner up first.");
            }
        }
        if (page == Step.HOSPITAL) {
            if (hospital.get() == null) {
                problems.add("Choose the hospital (type part of its name to search).");
            }
            if (fromPrison.get() == null) {
                problems.add("Choose the prison the prisoner leaves from.");
            }
            if (dischargeDate.get() == null) {
                problems.add("Enter the discharge date.");
            }
            if (!dischargeTime.get().isBlank() && parseTime(dischargeTime.get()).isEmpty()) {
                problems.add("Enter the time as HH:MM (24 hour), e.g. 14:05, or leave it empty for now.");
            }
            if (commentLeft.get() < 0) {
                problems.add("The comment is " + (-commentLeft.get()) + " characters too long (at most "
                        + RestrictedPatientService.MAX_COMMENT + ").");
            }
        }
        return problems;
    }

    /** The check page's lines. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Prisoner: " + prisonerSummary.get());
        lines.add("Hospital: " + (hospital.get() == null ? "" : hospital.get()));
        lines.add("From prison: " + (fromPrison.get() == null ? "" : fromPrison.get()));
        lines.add("Supporting prison: " + (supportingPrison.get() == null
                ? (fromPrison.get() == null ? "" : fromPrison.get() + " (same as from)") : supportingPrison.get()));
        lines.add("Discharged: " + Labels.day(dischargeDate.get())
                + parseTime(dischargeTime.get()).map(t -> " at " + Labels.time(t)).orElse(" (now)"));
        if (!comment.get().isBlank()) {
            lines.add("Comment: " + comment.get().trim());
        }
        return lines;
    }

    /** Discharges through core (offline: it waits in the outbox); a refusal keeps the wizard on this page. */
    public void confirm() {
        if (busy.get() || step.get() != Step.CONFIRM) {
            return;
        }
        Actor actor = session.require();
        String number = normalised();
        LocalDateTime when = dischargeDate.get() == null ? null
                : LocalDateTime.of(dischargeDate.get(), parseTime(dischargeTime.get()).orElse(LocalTime.now().withNano(0)));
        DischargeToHospital request = new DischargeToHospital(number, fromPrison.get().agencyId(), hospital.get().agencyId(),
                supportingPrison.get() == null ? null : supportingPrison.get().agencyId(), when,
                comment.get().isBlank() ? null : comment.get().trim());
        String hospitalName = hospital.get().toString();
        busy.set(true);
        error.set("");
        tasks.run(BackgroundTask.of("Discharging " + number + " to hospital", progress -> patients.dischargeToHospital(actor, request))
                .onSuccess((RestrictedPatient patient) -> {
                    doneText.set("Prisoner " + patient.getPrisonerNumber() + " is discharged to " + hospitalName
                            + ". The centre is told when the desk is online; the Sync centre shows its progress.");
                    step.set(Step.DONE);
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> busy.set(false)));
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty prisonNumberProperty() {
        return prisonNumber;
    }

    public ReadOnlyObjectProperty<Person> prisonerProperty() {
        return prisoner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty prisonerSummaryProperty() {
        return prisonerSummary.getReadOnlyProperty();
    }

    public ObjectProperty<LocationChoice> hospitalProperty() {
        return hospital;
    }

    public ObjectProperty<LocationChoice> fromPrisonProperty() {
        return fromPrison;
    }

    public ObjectProperty<LocationChoice> supportingPrisonProperty() {
        return supportingPrison;
    }

    public ObjectProperty<LocalDate> dischargeDateProperty() {
        return dischargeDate;
    }

    public StringProperty dischargeTimeProperty() {
        return dischargeTime;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyIntegerProperty commentLeftProperty() {
        return commentLeft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty doneTextProperty() {
        return doneText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<LocationChoice> hospitals() {
        return hospitals;
    }

    public ObservableList<LocationChoice> prisons() {
        return prisons;
    }
}
