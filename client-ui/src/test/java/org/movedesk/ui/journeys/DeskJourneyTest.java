package org.movedesk.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.MoveFilter;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveRow;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.people.PersonService;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.ui.app.MoveDeskApplication;
import org.movedesk.ui.moves.BookingWizardViewModel;
import org.movedesk.ui.testing.DeskRobot;

/**
 * The operator's journeys on the real app (demo mode, its own temp store, the in-process
 * sandbox), headless under Monocle: sign in, book a move, accept - start - complete offline
 * with the pending count rising, cancel with a reason. Elements are found by fx:id; every
 * wait is on a condition with a deadline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskJourneyTest extends DeskRobot {

    private static Path store;
    private static MoveDeskApplication app;

    @BeforeAll
    static void startTheDesk() throws Exception {
        store = Files.createTempDirectory("movedesk-journey");
        app = startDesk(store, "--movedesk.demo.people=120", "--movedesk.demo.moves=150",
                // offline: sync stays off, so every action waits in the outbox and the count only rises
                "--movedesk.sync.enabled=false");
    }

    @AfterAll
    static void stopTheDesk() throws Exception {
        stopDesk(app, store);
    }

    private long pending() {
        return Long.parseLong(text("#syncPending").replace("Pending ", "").trim());
    }

    @Test
    @Order(1)
    void signInWithADemoOperator() throws Exception {
        waitUntil(() -> !lookup("#signInButton").queryButton().isDisabled());
        assertThat(lookup("#demoOperators").tryQuery()).isPresent();

        clickOn("#username").write("staff");
        clickOn("#password").write("wrong-password").type(KeyCode.ENTER);
        waitUntil(() -> showing("#signInError"));
        assertThat(text("#signInError")).isEqualTo("Wrong username or password.");

        clickOn("#password").write("staff").type(KeyCode.ENTER);

        waitUntil(() -> present("#nav-dashboard"));
        assertThat(present("#nav-moves")).isTrue();
        assertThat(present("#nav-book")).isTrue();
        assertThat(text("#syncOnline")).contains("Offline");
        assertThat(text("#operatorLabel")).startsWith("staff");
    }

    @Test
    @Order(2)
    void bookAMoveWithTheWizard() throws Exception {
        LocationService locations = app.context().getBean(LocationService.class);
        String prisonNumber = app.context().getBean(Sandbox.class).state().peopleInPrison().get(0).prisonNumber();
        assertThat(app.context().getBean(PersonService.class).findByPrisonNumber(prisonNumber)).isPresent();
        long pendingBefore = pending();

        press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        waitUntil(() -> showing("#prisonNumber"));
        clickOn("#prisonNumber").write(prisonNumber.substring(0, 3));
        waitUntil(() -> lookup("#findPerson").queryButton().isDisabled());
        write(prisonNumber.substring(3).toLowerCase()).type(KeyCode.ENTER);
        waitUntil(() -> showing("#personFound") && text("#personFound").contains(prisonNumber));
        clickOn("#wizardNext");

        waitUntil(() -> showing("#moveType"));
        var court = locations.search("", Set.of(LocationType.COURT), 1).get(0);
        var prison = locations.search("", Set.of(LocationType.PRISON), 1).get(0);
        interact(() -> {
            ComboBox<BookingWizardViewModel.LocationChoice> from = lookup("#fromLocation").query();
            ComboBox<BookingWizardViewModel.LocationChoice> to = lookup("#toLocation").query();
            from.setValue(from.getItems().stream().filter(c -> c.id().equals(prison.getId())).findFirst().orElseThrow());
            to.setValue(to.getItems().stream().filter(c -> c.id().equals(court.getId())).findFirst().orElseThrow());
        });
        clickOn("#moveTime").write("10:15");
        clickOn("#moveNotes").write("Booked by the journey test");
        clickOn("#wizardNext");
        waitUntil(() -> showing("#wizardConfirm"));
        clickOn("#wizardConfirm");

        waitUntil(() -> present("#moveTitle") && showing("#moveTitle") && text("#moveStatus").equals("Requested"));
        assertThat(text("#movePerson")).contains(prisonNumber);
        assertThat(text("#moveRoute")).contains(court.getTitle());
        waitUntil(() -> pending() > pendingBefore);
    }

    @Test
    @Order(3)
    void acceptStartCompleteOfflineRaisesThePendingCount() throws Exception {
        long pending = pending();
        for (String[] step : new String[][] {{"accept", "Booked"}, {"start", "In transit"}, {"complete", "Completed"}}) {
            waitUntil(() -> present("#action-" + step[0]));
            clickOn("#action-" + step[0]);
            waitUntil(() -> present("#dialogConfirm"));
            clickOn("#dialogConfirm");
            waitUntil(() -> text("#moveStatus").equals(step[1]));
            long before = pending;
            waitUntil(() -> pending() > before);
            pending = pending();
        }
        assertThat(text("#actionDone")).contains("sent when online");
        assertThat(present("#action-accept")).isFalse();
    }

    @Test
    @Order(4)
    void cancelAMoveWithAReasonFromTheMoveList() throws Exception {
        MoveQueries queries = app.context().getBean(MoveQueries.class);
        MoveRow open = queries.list(new MoveFilter(Set.of(), LocalDate.now().minusDays(2), LocalDate.now().plusDays(20),
                Set.of(MoveStatus.REQUESTED, MoveStatus.BOOKED), Set.of(), null), 0, 1).getContent().get(0);

        clickOn("#nav-moves");
        waitUntil(() -> showing("#searchField"));
        interact(() -> lookup("#onlyMine").queryAs(javafx.scene.control.CheckBox.class).setSelected(false));
        interact(() -> lookup("#anchorDate").queryAs(javafx.scene.control.DatePicker.class).setValue(open.date()));
        clickOn("#searchField").write(open.reference()).type(KeyCode.ENTER);
        TreeTableView<?> table = lookup("#moveTable").query();
        waitUntil(() -> table.getRoot() != null && table.getRoot().getChildren().size() == 1);
        interact(() -> table.getSelectionModel().select(0));
        clickOn(table).type(KeyCode.ENTER);

        waitUntil(() -> present("#action-cancel") && text("#moveTitle").contains(open.reference()));
        clickOn("#action-cancel");
        waitUntil(() -> present("#cancelReason"));
        assertThat(lookup("#dialogConfirm").queryAs(Button.class).isDisabled()).as("a reason is required").isTrue();
        interact(() -> lookup("#cancelReason").<ComboBox<CancellationReason>>query()
                .setValue(CancellationReason.PRISONER_UNFIT_TO_TRAVEL));
        clickOn("#actionNotes").write("seen by the doctor");
        clickOn("#dialogConfirm");

        waitUntil(() -> text("#moveStatus").startsWith("Cancelled"));
        assertThat(text("#moveStatus")).contains("Prisoner unfit to travel").contains("seen by the doctor");
    }

    @Test
    @Order(5)
    void shortcutListAndLockWorkFromTheKeyboard() throws Exception {
        type(KeyCode.F1);
        waitUntil(() -> present("#shortcutTable"));
        type(KeyCode.ESCAPE);
        waitUntil(() -> !present("#shortcutTable"));

        press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil(() -> showing("#lockPane"));
        clickOn("#unlockPassword").write("staff").type(KeyCode.ENTER);
        waitUntil(() -> !showing("#lockPane"));
        assertThat(present("#nav-dashboard")).isTrue();
    }

    @Test
    @Order(6)
    void theRedirectDialogFillsItsPickerInTheBackgroundAndEscapeCancels() throws Exception {
        MoveQueries queries = app.context().getBean(MoveQueries.class);
        MoveRow open = queries.list(new MoveFilter(Set.of(), LocalDate.now().minusDays(2), LocalDate.now().plusDays(20),
                Set.of(MoveStatus.REQUESTED), Set.of(), null), 0, 1).getContent().get(0);
        interact(() -> app.context().getBean(org.movedesk.ui.shell.ShellViewModel.class)
                .show(org.movedesk.ui.moves.MovesFeature.DETAIL, open.id()));
        waitUntil(() -> present("#action-redirect") && text("#moveTitle").contains(open.reference()));

        clickOn("#action-redirect");

        waitUntil(() -> present("#redirectTo"));
        ComboBox<?> destinations = lookup("#redirectTo").query();
        waitUntil(() -> !destinations.isDisabled() && !destinations.getItems().isEmpty());
        assertThat(lookup("#dialogConfirm").queryAs(Button.class).isDisabled()).as("a destination is required").isTrue();
        type(KeyCode.ESCAPE);
        waitUntil(() -> !present("#redirectTo"));
        assertThat(text("#moveStatus")).isEqualTo("Requested");
    }
}
