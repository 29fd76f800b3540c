package org.movedesk.ui.moves;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.movedesk.core.common.DuplicateMoveException;
import org.movedesk.core.locations.Location;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.people.CentralPersonAnswer;
import org.movedesk.core.people.CentralPersonSource;
import org.movedesk.core.people.NewPerson;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonService;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.PrisonNumbers;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskHandle;
import org.movedesk.ui.common.TaskRunner;

/**
 * Book a move in three steps: the person (found by prison number in the local cache, else
 * looked up at the centre when the desk is online and kept in the cache, else recorded new,
 * offline), the move (type, from, to, date, time, notes), then a summary to
 * confirm. Core does the real validation; this checks shapes as the user types so mistakes
 * show at once. A duplicate booking is not an error to dismiss: it links to the existing move.
 */
public class BookingWizardViewModel {

    /** The wizard's pages. */
    public enum Step { PERSON, MOVE, CONFIRM }

    /** What the user can pick as a location (id and a readable title). */
    public record LocationChoice(UUID id, String title, String type) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** The existing move a duplicate booking points at. */
    public record ExistingMove(UUID id, String reference) {
    }


    static final String STOPPED = "The look-up at the centre was stopped. Press Find to ask again, or record the person below.";

    private final PersonService people;
    private final CentralPersonSource central;
    private final LocationService locations;
    private final MoveService moves;
    private final Session session;
    private final TaskRunner tasks;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.PERSON);
    private final StringProperty prisonNumber = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper prisonNumberProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Person> person = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper personSummary = new ReadOnlyStringWrapper("");
    private final BooleanProperty recordNewPerson = new SimpleBooleanProperty(false);
    private final StringProperty firstNames = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> dateOfBirth = new SimpleObjectProperty<>();
    private final StringProperty gender = new SimpleStringProperty("");

    private final ObjectProperty<MoveType> moveType = new SimpleObjectProperty<>(MoveType.COURT_APPEARANCE);
    private final ObjectProperty<LocationChoice> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocationChoice> to = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(LocalDate.now());
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObservableList<LocationChoice> locationChoices = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper askingCentre = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper lookupNote = new ReadOnlyStringWrapper("");
    private TaskHandle centralLookup;
    /** Bumped by every Find and by Cancel, so a late answer of an abandoned look-up is ignored. */
    private long lookupGeneration;
    private final ReadOnlyObjectWrapper<ExistingMove> duplicate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Move> booked = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding prisonNumberValid;

    public BookingWizardViewModel(PersonService people, CentralPersonSource central, LocationService locations,
                                  MoveService moves, Session session, TaskRunner tasks) {
        this.people = people;
        this.central = central;
        this.locations = locations;
        this.moves = moves;
        this.session = session;
        this.tasks = tasks;
        prisonNumberValid = Bindings.createBooleanBinding(
                () -> PrisonNumbers.isValid(prisonNumber.get()), prisonNumber);
        prisonNumber.addListener((obs, old, now) -> {
            prisonNumberProblem.set(problemWith(now));
            if (askingCentre.get() && !PrisonNumbers.normalise(now).equals(PrisonNumbers.normalise(old))) {
                // a different number: the answer for the old one must not land on it
                abandonCentralLookup();
                lookupNote.set("");
            }
            if (person.get() != null && !person.get().getPrisonNumber().equals(normalised())) {
                person.set(null);
                personSummary.set("");
            }
        });
    }

    /** The message a validation decoration shows while the user types; empty when fine. */
    public static String problemWith(String typed) {
        return PrisonNumbers.problem(typed);
    }

    private String normalised() {
        return PrisonNumbers.normalise(prisonNumber.get());
    }

    /** Starts afresh (the view calls it each time the wizard opens) and loads the locations. */
    public void reset() {
        abandonCentralLookup();
        lookupNote.set("");
        step.set(Step.PERSON);
        prisonNumber.set("");
        person.set(null);
        personSummary.set("");
        recordNewPerson.set(false);
        firstNames.set("");
        lastName.set("");
        dateOfBirth.set(null);
        gender.set("");
        moveType.set(MoveType.COURT_APPEARANCE);
        from.set(null);
        to.set(null);
        date.set(LocalDate.now());
        time.set("");
        notes.set("");
        error.set("");
        duplicate.set(null);
        booked.set(null);
        if (locationChoices.isEmpty()) {
            loadLocations();
        }
    }

    public void loadLocations() {
        tasks.run(BackgroundTask.of("Loading locations", progress -> locations.search("", null, 5000).stream()
                        .filter(Location::isActive)
                        .map(location -> new LocationChoice(location.getId(), location.getTitle(),
                                Labels.of(location.getType())))
                        .toList())
                .quiet()
                .onSuccess(locationChoices::setAll));
    }

    /**
     * Looks the prison number up in the local cache; someone not there is asked for at the centre
     * (a second background task the operator can cancel) and, when found, kept in the cache.
     */
    public void findPerson() {
        String number = normalised();
        error.set("");
        lookupNote.set("");
        if (!PrisonNumbers.isValid(number)) {
            error.set(problemWith(number));
            return;
        }
        abandonCentralLookup();
        long generation = ++lookupGeneration;
        busy.set(true);
        tasks.run(BackgroundTask.of("Finding " + number, progress -> people.findByPrisonNumber(number))
                .quiet()
                .onSuccess(found -> {
                    if (generation != lookupGeneration) {
                        return;
                    }
                    if (found.isPresent()) {
                        showPerson(found.get(), "");
                    } else {
                        askTheCentre(number, generation);
                    }
                })
                .onFailure(failure -> {
                    if (generation == lookupGeneration) {
                        error.set(ErrorMessages.forUser(failure));
                    }
                })
                .onFinished(() -> {
                    if (generation == lookupGeneration && !askingCentre.get()) {
                        busy.set(false);
                    }
                }));
    }

    private void askTheCentre(String number, long generation) {
        var actor = session.require();
        person.set(null);
        personSummary.set("");
        askingCentre.set(true);
        lookupNote.set("Not known at this desk; asking the centre for " + number + "… (Stop or Escape gives up)");
        centralLookup = tasks.run(BackgroundTask.of("Looking " + number + " up at the centre", progress -> {
                    CentralPersonAnswer answer = central.findByPrisonNumber(number);
                    if (answer instanceof CentralPersonAnswer.Found found && !progress.isCancelled()) {
                        return new CentralResult(answer, people.cacheFromCentral(actor, found.person()));
                    }
                    return new CentralResult(answer, null);
                })
                .onSuccess(result -> {
                    if (generation != lookupGeneration) {
                        return;
                    }
                    if (result.cached() != null) {
                        showPerson(result.cached(), "Found at the centre and kept at this desk.");
                    } else if (result.answer() instanceof CentralPersonAnswer.Unavailable unavailable) {
                        offerToRecord(number, "No one with prison number " + number + " is known at this desk, and the centre"
                                + " could not be asked: " + unavailable.reason());
                    } else {
                        offerToRecord(number, "No one with prison number " + number + " is known at this desk or at the centre."
                                + " Check the number, or record them below; the centre is told when the desk is online.");
                    }
                })
                .onFailure(failure -> {
                    if (generation == lookupGeneration) {
                        offerToRecord(number, ErrorMessages.forUser(failure));
                    }
                })
                .onFinished(() -> {
                    if (generation == lookupGeneration) {
                        centralLookup = null;
                        askingCentre.set(false);
                        busy.set(false);
                        if (person.get() == null && !recordNewPerson.get()) {
                            // cancelled from the status bar (Ctrl+.): no answer came, the operator may still record
                            offerToRecord(number, STOPPED);
                        }
                    }
                }));
    }

    /** The operator gave up waiting for the centre: the wizard offers to record the person instead. */
    public void cancelCentralLookup() {
        if (!askingCentre.get()) {
            return;
        }
        abandonCentralLookup();
        offerToRecord(normalised(), STOPPED);
    }

    private void abandonCentralLookup() {
        lookupGeneration++;
        if (centralLookup != null) {
            centralLookup.cancel();
            centralLookup = null;
        }
        askingCentre.set(false);
        busy.set(false);
    }

    private void showPerson(Person found, String note) {
        person.set(found);
        personSummary.set(PrisonNumbers.describe(found));
        recordNewPerson.set(false);
        lookupNote.set(note);
    }

    private void offerToRecord(String number, String message) {
        person.set(null);
        personSummary.set("");
        recordNewPerson.set(true);
        lookupNote.set("");
        error.set(message);
    }

    private record CentralResult(CentralPersonAnswer answer, Person cached) {
    }

    /** Next: checks the current page; returns whether it moved on. */
    public boolean next() {
        error.set("");
        List<String> problems = problemsOn(step.get());
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        step.set(step.get() == Step.PERSON ? Step.MOVE : Step.CONFIRM);
        return true;
    }

    public void back() {
        error.set("");
        duplicate.set(null);
        if (step.get() == Step.CONFIRM) {
            step.set(Step.MOVE);
        } else if (step.get() == Step.MOVE) {
            step.set(Step.PERSON);
        }
    }

    List<String> problemsOn(Step page) {
        List<String> problems = new ArrayList<>();
        if (page == Step.PERSON) {
            String shape = problemWith(prisonNumber.get());
            if (!shape.isEmpty()) {
                problems.add(shape);
            } else if (person.get() == null && !recordNewPerson.get()) {
                problems.add("Press Find to look the prison number up first.");
            } else if (person.get() == null) {
                if (firstNames.get().isBlank()) {
                    problems.add("Enter the person's first names.");
                }
                if (lastName.get().isBlank()) {
                    problems.add("Enter the person's last name.");
                }
                if (dateOfBirth.get() != null && dateOfBirth.get().isAfter(LocalDate.now())) {
                    problems.add("The date of birth is in the future.");
                }
            }
        }
        if (page == Step.MOVE) {
            if (moveType.get() == null) {
                problems.add("Choose the move type.");
            }
            if (from.get() == null) {
                problems.add("Choose where the move starts (From).");
            }
            if (to.get() == null && (moveType.get() == null || moveType.get().requiresToLocation())) {
                problems.add("Choose where the move goes (To).");
            }
            if (from.get() != null && to.get() != null && from.get().id().equals(to.get().id())) {
                problems.add("From and To are the same place; choose a different destination.");
            }
            if (date.get() == null) {
                problems.add("Choose the date of the move.");
            }
            if (parseTime().isEmpty() && !time.get().isBlank()) {
                problems.add("Enter the time as HH:MM (24 hour), e.g. 09:30, or leave it empty.");
            }
        }
        return problems;
    }

    private Optional<LocalTime> parseTime() {
        String text = time.get() == null ? "" : time.get().trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text.length() == 4 && !text.contains(":")
                    ? text.substring(0, 2) + ":" + text.substring(2) : text));
        } catch (DateTimeParseException wrong) {
            return Optional.empty();
        }
    }

    /** The summary page's lines. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Person: " + (person.get() != null ? personSummary.get()
                : normalised() + "  " + lastName.get().trim().toUpperCase(Locale.ROOT) + ", " + firstNames.get().trim()
                + " (new, recorded at this desk)"));
        lines.add("Move type: " + Labels.of(moveType.get()));
        lines.add("From: " + (from.get() == null ? "" : from.get().title()));
        lines.add("To: " + (to.get() == null ? "(none)" : to.get().title()));
        lines.add("Date: " + Labels.day(date.get()) + parseTime().map(t -> " at " + Labels.time(t)).orElse(""));
        if (!notes.get().isBlank()) {
            lines.add("Notes: " + notes.get().trim());
        }
        return lines;
    }

    /** Books the move through core (offline: it goes to the outbox). */
    public void confirm() {
        if (busy.get() || step.get() != Step.CONFIRM) {
            return;
        }
        var actor = session.require();
        Person known = person.get();
        NewPerson newPerson = known != null ? null : new NewPerson(normalised(), null, firstNames.get().trim(),
                lastName.get().trim(), dateOfBirth.get(), gender.get().isBlank() ? null : gender.get().trim());
        MoveType type = moveType.get();
        UUID fromId = from.get().id();
        UUID toId = to.get() == null ? null : to.get().id();
        LocalDate when = date.get();
        LocalTime due = parseTime().orElse(null);
        String text = notes.get().isBlank() ? null : notes.get().trim();
        busy.set(true);
        error.set("");
        duplicate.set(null);
        java.util.concurrent.atomic.AtomicReference<Person> recorded = new java.util.concurrent.atomic.AtomicReference<>();
        tasks.run(BackgroundTask.of("Booking the move", progress -> {
                    Person who = known;
                    if (who == null) {
                        who = people.recordNew(actor, newPerson);
                        recorded.set(who);
                    }
                    return moves.book(actor, new BookMove(who.getId(), type, fromId, toId, when, due, text, false));
                })
                .onSuccess(booked::set)
                .onFailure(failure -> {
                    if (failure instanceof DuplicateMoveException taken) {
                        duplicate.set(new ExistingMove(taken.existingMoveId(), taken.existingReference()));
                    }
                    if (recorded.get() != null) {
                        // the person was stored even if the move was refused: a second try must not record them again
                        person.set(recorded.get());
                        personSummary.set(PrisonNumbers.describe(recorded.get()));
                    }
                    error.set(ErrorMessages.forUser(failure));
                })
                .onFinished(() -> busy.set(false)));
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty prisonNumberProperty() {
        return prisonNumber;
    }

    public ReadOnlyStringProperty prisonNumberProblemProperty() {
        return prisonNumberProblem.getReadOnlyProperty();
    }

    public BooleanBinding prisonNumberValidBinding() {
        return prisonNumberValid;
    }

    public ReadOnlyObjectProperty<Person> personProperty() {
        return person.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty personSummaryProperty() {
        return personSummary.getReadOnlyProperty();
    }

    public BooleanProperty recordNewPersonProperty() {
        return recordNewPerson;
    }

    public StringProperty firstNamesProperty() {
        return firstNames;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public ObjectProperty<LocalDate> dateOfBirthProperty() {
        return dateOfBirth;
    }

    public StringProperty genderProperty() {
        return gender;
    }

    public ObjectProperty<MoveType> moveTypeProperty() {
        return moveType;
    }

    public ObjectProperty<LocationChoice> fromProperty() {
        return from;
    }

    public ObjectProperty<LocationChoice> toProperty() {
        return to;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObservableList<LocationChoice> locationChoices() {
        return locationChoices;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the centre is being asked (the view shows a progress indicator and Cancel). */
    public ReadOnlyBooleanProperty askingCentreProperty() {
        return askingCentre.getReadOnlyProperty();
    }

    /** What the person step is doing or found out ("asking the centre…", "found at the centre"); empty otherwise. */
    public ReadOnlyStringProperty lookupNoteProperty() {
        return lookupNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExistingMove> duplicateProperty() {
        return duplicate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Move> bookedProperty() {
        return booked.getReadOnlyProperty();
    }
}
