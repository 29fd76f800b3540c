package org.movedesk.ui.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.locations.LocationService;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.people.CentralPersonAnswer;
import org.movedesk.core.people.CentralPersonSource;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.BackgroundTaskAccess;
import org.movedesk.ui.common.TaskHandle;
import org.movedesk.ui.testing.SameThreadTaskRunner;
import org.movedesk.ui.testing.ViewModelTest;

class BookingWizardViewModelTest extends ViewModelTest {

    @Autowired PersonService people;
    @Autowired LocationService locations;
    @Autowired MoveService moves;
    @Autowired OutboxService outbox;

    private BookingWizardViewModel wizard;
    /** What the (scripted) centre answers; the real look-up is tested in sync against MockWebServer and the sandbox. */
    private CentralPersonAnswer centralAnswer;
    private final List<String> centralAsked = new ArrayList<>();
    private final CentralPersonSource centre = prisonNumber -> {
        centralAsked.add(prisonNumber);
        return centralAnswer;
    };

    @BeforeEach
    void setUp() {
        signIn(operator("book-staff", Role.PRISON_STAFF));
        centralAnswer = new CentralPersonAnswer.NotFound();
        centralAsked.clear();
        wizard = new BookingWizardViewModel(people, centre, locations, moves, session, tasks);
        wizard.reset();
    }

    private BookingWizardViewModel.LocationChoice choice(UUID id) {
        return wizard.locationChoices().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private void fillMove(UUID from, UUID to, LocalDate date) {
        wizard.moveTypeProperty().set(MoveType.COURT_APPEARANCE);
        wizard.fromProperty().set(choice(from));
        wizard.toProperty().set(choice(to));
        wizard.dateProperty().set(date);
        wizard.timeProperty().set("09:30");
        wizard.notesProperty().set("handcuffs not needed");
    }

    @Test
    void prisonNumberShapeIsCheckedAsTyped() {
        assertThat(BookingWizardViewModel.problemWith("")).contains("Enter the prison number");
        assertThat(BookingWizardViewModel.problemWith("A123BC")).contains("one letter, four digits and two letters");
        assertThat(BookingWizardViewModel.problemWith("11234BC")).isNotEmpty();
        assertThat(BookingWizardViewModel.problemWith("a1234bc")).as("lower case is accepted and upper-cased").isEmpty();
        wizard.prisonNumberProperty().set("A12");
        assertThat(wizard.prisonNumberValidBinding().get()).isFalse();
        assertThat(wizard.prisonNumberProblemProperty().get()).isNotEmpty();
        wizard.prisonNumberProperty().set("A1234BC");
        assertThat(wizard.prisonNumberValidBinding().get()).isTrue();
        assertThat(wizard.prisonNumberProblemProperty().get()).isEmpty();
    }

    @Test
    void knownPersonIsFoundInTheCacheAndTheMoveIsBookedOffline() {
        Person known = fixture.knownPerson("Wizard");
        LocalDate date = StoreFixture.uniqueDate();
        wizard.prisonNumberProperty().set(known.getPrisonNumber());

        wizard.findPerson();
        assertThat(wizard.personSummaryProperty().get()).contains(known.getPrisonNumber()).contains("WIZARD");
        assertThat(centralAsked).as("someone in the cache is not looked up centrally").isEmpty();
        assertThat(wizard.next()).isTrue();
        fillMove(StoreFixture.MOORLAND, StoreFixture.GUILDFORD_COURT, date);
        assertThat(wizard.next()).isTrue();
        assertThat(wizard.summary()).anyMatch(line -> line.contains("Guildford Crown Court"))
                .anyMatch(line -> line.contains("09:30"));

        wizard.confirm();

        Move booked = wizard.bookedProperty().get();
        assertThat(booked).isNotNull();
        assertThat(booked.getStatus()).isEqualTo(MoveStatus.REQUESTED);
        assertThat(booked.getDate()).isEqualTo(date);
        assertThat(booked.getNotes()).isEqualTo("handcuffs not needed");
        assertThat(outbox.forAggregate(AggregateType.MOVE, booked.getId().toString()))
                .filteredOn(entry -> entry.getChannel() == OutboxChannel.CENTRAL)
                .extracting(entry -> entry.getAction()).containsExactly(OutboxAction.CREATE_MOVE);
    }

    @Test
    void unknownPersonIsRecordedNewOfflineWithTheMove() {
        String number = StoreFixture.uniquePrisonNumber();
        wizard.prisonNumberProperty().set(number.toLowerCase());
        wizard.findPerson();
        assertThat(wizard.recordNewPersonProperty().get()).isTrue();
        assertThat(wizard.errorProperty().get()).contains("No one with prison number " + number);

        assertThat(wizard.next()).as("names are needed for a new person").isFalse();
        assertThat(wizard.errorProperty().get()).contains("first names").contains("last name");
        wizard.firstNamesProperty().set("Nia");
        wizard.lastNameProperty().set("Newcomer");
        wizard.dateOfBirthProperty().set(LocalDate.of(1991, 5, 6));
        assertThat(wizard.next()).isTrue();
        fillMove(StoreFixture.MOORLAND, StoreFixture.LEEDS_COURT, StoreFixture.uniqueDate());
        assertThat(wizard.next()).isTrue();
        wizard.confirm();

        assertThat(wizard.bookedProperty().get()).isNotNull();
        Person stored = people.findByPrisonNumber(number).orElseThrow();
        assertThat(stored.getLastName()).isEqualTo("Newcomer");
        assertThat(stored.getCentralId()).as("not yet known centrally").isNull();
    }

    @Test
    void moveStepExplainsEveryMissingOrWrongField() {
        Person known = fixture.knownPerson("Fields");
        wizard.prisonNumberProperty().set(known.getPrisonNumber());
        wizard.findPerson();
        wizard.next();
        wizard.dateProperty().set(null);
        wizard.timeProperty().set("25:99");

        assertThat(wizard.next()).isFalse();

        assertThat(wizard.errorProperty().get())
                .contains("From").contains("To").contains("date").contains("HH:MM");
        wizard.fromProperty().set(choice(StoreFixture.MOORLAND));
        wizard.toProperty().set(choice(StoreFixture.MOORLAND));
        wizard.dateProperty().set(LocalDate.now());
        wizard.timeProperty().set("");
        assertThat(wizard.next()).isFalse();
        assertThat(wizard.errorProperty().get()).contains("same place");
        assertThat(wizard.stepProperty().get()).isEqualTo(BookingWizardViewModel.Step.MOVE);
    }

    @Test
    void findingNeedsAWellFormedNumberFirst() {
        wizard.prisonNumberProperty().set("XYZ");
        wizard.findPerson();
        assertThat(wizard.errorProperty().get()).contains("one letter, four digits");
        assertThat(wizard.next()).isFalse();
    }

    @Test
    void duplicateBookingLinksToTheExistingMove() {
        Person known = fixture.knownPerson("Twice");
        LocalDate date = StoreFixture.uniqueDate();
        Move first = fixture.bookRequested(known, StoreFixture.MOORLAND, StoreFixture.LEEDS, date);
        wizard.prisonNumberProperty().set(known.getPrisonNumber());
        wizard.findPerson();
        wizard.next();
        fillMove(StoreFixture.MOORLAND, StoreFixture.LEEDS, date);
        wizard.moveTypeProperty().set(MoveType.PRISON_TRANSFER);
        wizard.next();

        wizard.confirm();

        assertThat(wizard.bookedProperty().get()).isNull();
        assertThat(wizard.duplicateProperty().get()).isNotNull();
        assertThat(wizard.duplicateProperty().get().id()).isEqualTo(first.getId());
        assertThat(wizard.errorProperty().get()).isNotBlank();
    }

    @Test
    void backFromConfirmKeepsWhatWasTyped() {
        Person known = fixture.knownPerson("Back");
        wizard.prisonNumberProperty().set(known.getPrisonNumber());
        wizard.findPerson();
        wizard.next();
        fillMove(StoreFixture.MOORLAND, StoreFixture.GUILDFORD_COURT, StoreFixture.uniqueDate());
        wizard.next();

        wizard.back();

        assertThat(wizard.stepProperty().get()).isEqualTo(BookingWizardViewModel.Step.MOVE);
        assertThat(wizard.notesProperty().get()).isEqualTo("handcuffs not needed");
    }

    @Test
    void aPersonOnlyKnownCentrallyIsLookedUpKeptInTheCacheAndBooked() {
        String number = StoreFixture.uniquePrisonNumber();
        String centralId = UUID.randomUUID().toString();
        centralAnswer = new CentralPersonAnswer.Found(new PersonData(centralId, number, null, "Cora", "Central",
                LocalDate.of(1979, 4, 4), "female", UUID.randomUUID().toString()));
        wizard.prisonNumberProperty().set(number.toLowerCase());

        wizard.findPerson();

        assertThat(centralAsked).containsExactly(number);
        assertThat(wizard.personSummaryProperty().get()).contains(number).contains("CENTRAL");
        assertThat(wizard.lookupNoteProperty().get()).contains("Found at the centre");
        assertThat(wizard.recordNewPersonProperty().get()).isFalse();
        assertThat(wizard.errorProperty().get()).isEmpty();
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(wizard.askingCentreProperty().get()).isFalse();
        Person cached = people.findByPrisonNumber(number).orElseThrow();
        assertThat(cached.getCentralId()).isEqualTo(centralId);

        assertThat(wizard.next()).isTrue();
        fillMove(StoreFixture.MOORLAND, StoreFixture.GUILDFORD_COURT, StoreFixture.uniqueDate());
        assertThat(wizard.next()).isTrue();
        wizard.confirm();
        assertThat(wizard.bookedProperty().get()).isNotNull();
        assertThat(outbox.forAggregate(AggregateType.PERSON, cached.getId().toString()))
                .as("the centre knows the person and their profile: nothing about them is sent back").isEmpty();
    }

    @Test
    void whenTheCentreCannotBeAskedTheReasonIsShownAndThePersonCanBeRecorded() {
        String number = StoreFixture.uniquePrisonNumber();
        centralAnswer = new CentralPersonAnswer.Unavailable("The desk is offline. Record the person below.");
        wizard.prisonNumberProperty().set(number);

        wizard.findPerson();

        assertThat(wizard.recordNewPersonProperty().get()).isTrue();
        assertThat(wizard.errorProperty().get()).contains("known at this desk").contains("The desk is offline");
        assertThat(wizard.askingCentreProperty().get()).isFalse();
        assertThat(people.findByPrisonNumber(number)).isEmpty();
    }

    @Test
    void nobodyAtTheCentreEitherSaysSoAndOffersToRecord() {
        String number = StoreFixture.uniquePrisonNumber();
        wizard.prisonNumberProperty().set(number);
        wizard.findPerson();
        assertThat(wizard.errorProperty().get()).contains("known at this desk or at the centre");
        assertThat(wizard.recordNewPersonProperty().get()).isTrue();
    }

    @Test
    void aSlowCentralLookUpCanBeStoppedAndItsLateAnswerIsIgnored() {
        HeldTaskRunner held = new HeldTaskRunner();
        BookingWizardViewModel slow = new BookingWizardViewModel(people, centre, locations, moves, session, held);
        String number = StoreFixture.uniquePrisonNumber();
        centralAnswer = new CentralPersonAnswer.Found(new PersonData(UUID.randomUUID().toString(), number, null, "Late",
                "Answer", null, null, null));
        slow.prisonNumberProperty().set(number);

        slow.findPerson();
        held.runNext(); // the cache: not there, so the centre is asked
        assertThat(slow.askingCentreProperty().get()).isTrue();
        assertThat(slow.busyProperty().get()).isTrue();
        assertThat(slow.lookupNoteProperty().get()).contains("asking the centre");

        slow.cancelCentralLookup();

        assertThat(slow.askingCentreProperty().get()).isFalse();
        assertThat(slow.busyProperty().get()).isFalse();
        assertThat(slow.recordNewPersonProperty().get()).isTrue();
        assertThat(slow.errorProperty().get()).contains("stopped");
        assertThat(held.cancelled).isTrue();
        held.runNext(); // the centre's answer arrives after all
        assertThat(slow.personProperty().get()).as("a stopped look-up does not fill the page").isNull();
        assertThat(slow.askingCentreProperty().get()).isFalse();
    }

    @Test
    void aLookUpCancelledFromTheStatusBarStillLetsTheOperatorRecordThePerson() {
        HeldTaskRunner held = new HeldTaskRunner();
        BookingWizardViewModel slow = new BookingWizardViewModel(people, centre, locations, moves, session, held);
        slow.prisonNumberProperty().set(StoreFixture.uniquePrisonNumber());
        slow.findPerson();
        held.runNext();
        assertThat(slow.askingCentreProperty().get()).isTrue();

        held.runNextAsIfCancelledElsewhere(); // Ctrl+. or the status bar's Cancel: no answer, only "finished"

        assertThat(slow.askingCentreProperty().get()).isFalse();
        assertThat(slow.busyProperty().get()).isFalse();
        assertThat(slow.recordNewPersonProperty().get()).isTrue();
        assertThat(slow.errorProperty().get()).isEqualTo(BookingWizardViewModel.STOPPED);
    }

    /** Keeps started tasks until the test runs them, so a look-up can be stopped half-way. */
    private static final class HeldTaskRunner implements org.movedesk.ui.common.TaskRunner {
        private final SameThreadTaskRunner idle = new SameThreadTaskRunner();
        private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();
        boolean cancelled;

        @Override
        public <T> TaskHandle run(BackgroundTask<T> task) {
            boolean[] stopped = {false};
            tasks.add(task);
            waiting.add(() -> SameThreadTaskRunner.runNow(task, () -> stopped[0]));
            return new TaskHandle() {
                @Override
                public void cancel() {
                    stopped[0] = true;
                    cancelled = true;
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        void runNext() {
            waiting.removeFirst().run();
        }

        private final java.util.ArrayDeque<BackgroundTask<?>> tasks = new java.util.ArrayDeque<>();

        void runNextAsIfCancelledElsewhere() {
            waiting.removeFirst();
            BackgroundTaskAccess.finish(tasks.removeLast());
        }

        @Override
        public javafx.beans.property.ReadOnlyStringProperty activityProperty() {
            return idle.activityProperty();
        }

        @Override
        public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
            return idle.progressProperty();
        }

        @Override
        public void cancelActivity() {
        }
    }
}
