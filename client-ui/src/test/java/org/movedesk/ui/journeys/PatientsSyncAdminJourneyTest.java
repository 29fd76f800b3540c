package org.movedesk.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.ui.app.MoveDeskApplication;
import org.movedesk.ui.app.demo.DemoDataLoader;
import org.movedesk.ui.patients.LocationChoice;

/**
 * Journeys on the second engineer's screens, on the real app (demo mode, own temp store,
 * in-process sandbox) under Monocle: discharge to hospital twice (the second time the central
 * EXISTING_PATIENT sentence shows), resolve conflicts in the sync centre (keep mine, take
 * theirs), and an administrator creates an operator who can then sign in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatientsSyncAdminJourneyTest extends FxRobot {

    private static final int START_SECONDS = 120;
    private static final int WAIT_SECONDS = 30;
    private static Path store;
    private static MoveDeskApplication app;
    private static String dischargedNumber;

    @BeforeAll
    static void startTheDesk() throws Exception {
        store = Files.createTempDirectory("movedesk-ui2-journey");
        FxToolkit.registerPrimaryStage();
        app = (MoveDeskApplication) FxToolkit.setupApplication(MoveDeskApplication.class,
                "--movedesk.store.dir=" + store, "--movedesk.demo.people=60", "--movedesk.demo.moves=40",
                "--movedesk.ui.lock-after=0", "--movedesk.config.dir=" + store.resolve("config"),
                // offline: sync stays off, so the discharge waits in the outbox for the conflict steps
                "--movedesk.sync.enabled=false");
        WaitForAsyncUtils.waitFor(START_SECONDS, TimeUnit.SECONDS,
                () -> app.context() != null && app.context().getBean(DemoDataLoader.class).isDone());
    }

    @AfterAll
    static void stopTheDesk() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        StoreFixture.deleteQuietly(store);
    }

    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean present(String query) {
        return lookup(query).tryQuery().isPresent();
    }

    private boolean showing(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private void shortcut(KeyCode... keys) {
        press(KeyCode.CONTROL);
        for (KeyCode key : keys) {
            press(key);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            release(keys[i]);
        }
        release(KeyCode.CONTROL);
    }

    private void alt(KeyCode key) {
        press(KeyCode.ALT).type(key).release(KeyCode.ALT);
    }

    private void signInAs(String username, String password) throws TimeoutException {
        if (present("#operatorLabel") && showing("#operatorLabel")) {
            shortcut(KeyCode.SHIFT, KeyCode.Q);
            waitUntil(() -> present("#dialogConfirm"));
            clickOn("#dialogConfirm");
        }
        waitUntil(() -> showing("#username") && !lookup("#signInButton").queryButton().isDisabled());
        interact(() -> lookup("#username").queryAs(javafx.scene.control.TextField.class).clear());
        clickOn("#username").write(username);
        clickOn("#password").write(password).type(KeyCode.ENTER);
        waitUntil(() -> present("#operatorLabel") && showing("#operatorLabel")
                && text("#operatorLabel").startsWith(username));
    }

    private void walkTheWizard(String prisonNumber) throws TimeoutException {
        waitUntil(() -> showing("#dischargePrisonNumber"));
        clickOn("#dischargePrisonNumber").write(prisonNumber.toLowerCase()).type(KeyCode.ENTER);
        waitUntil(() -> text("#prisonerFound").contains(prisonNumber));
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#hospitalChoice"));
        interact(() -> {
            ComboBox<LocationChoice> hospital = lookup("#hospitalChoice").query();
            hospital.setValue(hospital.getItems().stream().filter(c -> c.agencyId().equals("HAZLWD")).findFirst().orElseThrow());
            ComboBox<LocationChoice> from = lookup("#fromPrisonChoice").query();
            if (from.getValue() == null) {
                from.setValue(from.getItems().get(0));
            }
        });
        clickOn("#dischargeNext");
        waitUntil(() -> showing("#dischargeConfirm"));
    }

    @Test
    @Order(1)
    void dischargeToHospitalThenTheSecondTryShowsTheCentralMessage() throws Exception {
        signInAs("rp", "rp");
        dischargedNumber = app.context().getBean(Sandbox.class).state().peopleInPrison().get(1).prisonNumber();

        shortcut(KeyCode.DIGIT5);
        waitUntil(() -> showing("#patientTable"));
        shortcut(KeyCode.D);
        walkTheWizard(dischargedNumber);
        clickOn("#dischargeConfirm");
        waitUntil(() -> showing("#doneText") && text("#doneText").contains(dischargedNumber));
        assertThat(text("#doneText")).contains("Hazelwood House");

        clickOn("#anotherButton");
        walkTheWizard(dischargedNumber);
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#wizardError"));
        assertThat(text("#wizardError")).isEqualTo("Prisoner (" + dischargedNumber + ") is already a restricted patient");
        assertThat(showing("#dischargeConfirm")).isTrue();

        type(KeyCode.ESCAPE);
        shortcut(KeyCode.DIGIT5);
        TableView<?> table = lookup("#patientTable").query();
        clickOn("#searchField").write(dischargedNumber).type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 1);
    }

    private OutboxEntry conflictOnTheDischarge(String local, String remote) {
        OutboxService outbox = app.context().getBean(OutboxService.class);
        OutboxEntry entry = outbox.forAggregate(AggregateType.PATIENT, dischargedNumber).stream()
                .filter(e -> e.getChannel() == OutboxChannel.CENTRAL && e.getState() == OutboxState.PENDING)
                .findFirst().orElseThrow();
        outbox.markInFlight(entry.getId());
        return outbox.markConflict(entry.getId(), local, remote);
    }

    private long history(String eventType) {
        return app.context().getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from history where aggregate_id = ? and event_type = ?", Long.class, dischargedNumber, eventType);
    }

    @Test
    @Order(2)
    void resolveConflictsInTheSyncCentreKeepMineThenTakeTheirs() throws Exception {
        OutboxService outbox = app.context().getBean(OutboxService.class);
        OutboxEntry conflict = conflictOnTheDischarge("{\"hospitalLocationCode\":\"HAZLWD\"}", "{\"hospitalLocationCode\":\"RAMPTN\"}");

        shortcut(KeyCode.DIGIT6);
        waitUntil(() -> showing("#syncTabs"));
        alt(KeyCode.DIGIT3);
        TableView<?> conflicts = lookup("#conflictTable").query();
        waitUntil(() -> conflicts.isVisible() && conflicts.getItems().size() == 1);
        interact(() -> conflicts.getSelectionModel().select(0));
        TableView<?> compare = lookup("#compareTable").query();
        waitUntil(() -> compare.getItems().size() == 1);
        assertThat(compare.getItems().get(0).toString()).contains("HAZLWD").contains("RAMPTN");

        alt(KeyCode.K);
        waitUntil(() -> present("#dialogConfirm"));
        clickOn("#dialogConfirm");
        waitUntil(() -> outbox.get(conflict.getId()).getState() == OutboxState.PENDING && conflicts.getItems().isEmpty());
        assertThat(history("outbox.kept-mine")).isEqualTo(1);

        OutboxEntry second = conflictOnTheDischarge("{\"supportingPrisonId\":\"MDI\"}", "{\"supportingPrisonId\":\"LEI\"}");
        type(KeyCode.F5);
        waitUntil(() -> conflicts.getItems().size() == 1);
        interact(() -> conflicts.getSelectionModel().select(0));
        clickOn("#takeTheirsButton");
        waitUntil(() -> present("#dialogConfirm"));
        clickOn("#dialogConfirm");
        waitUntil(() -> outbox.get(second.getId()).getState() == OutboxState.DISCARDED && conflicts.getItems().isEmpty());
        assertThat(text("#noticeLabel")).contains("Took the centre's version");
        assertThat(history("outbox.discarded")).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(3)
    void anAdministratorCreatesAnOperatorWhoCanThenSignIn() throws Exception {
        signInAs("admin", "admin");
        shortcut(KeyCode.DIGIT9);
        waitUntil(() -> showing("#operatorTable"));
        alt(KeyCode.N);
        clickOn("#newUsername").write("nurse");
        clickOn("#newDisplayName").write("Nell Nurse");
        clickOn("#newPassword").write("nurse-pass");
        clickOn("#newConfirm").write("nurse-pasS");
        interact(() -> {
            lookup("#newRole-PRISON_STAFF").queryAs(CheckBox.class).setSelected(false);
            lookup("#newRole-RP_SEARCH").queryAs(CheckBox.class).setSelected(true);
            lookup("#newRole-RP_TRANSFER").queryAs(CheckBox.class).setSelected(true);
        });
        clickOn("#createOperatorButton");
        waitUntil(() -> showing("#newProblems"));
        assertThat(text("#newProblems")).contains("The two passwords differ");

        interact(() -> lookup("#newConfirm").queryAs(javafx.scene.control.PasswordField.class).clear());
        clickOn("#newConfirm").write("nurse-pass").type(KeyCode.ENTER);
        waitUntil(() -> showing("#operatorNotice") && text("#operatorNotice").contains("nurse can now sign in"));
        TableView<?> operators = lookup("#operatorTable").query();
        waitUntil(() -> operators.getItems().stream().anyMatch(row -> row.toString().contains("nurse")));

        signInAs("nurse", "nurse-pass");
        assertThat(present("#nav-patients")).isTrue();
        assertThat(present("#nav-discharge")).isTrue();
        assertThat(present("#nav-admin")).isFalse();
    }
}
