package org.movedesk.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.ui.app.MoveDeskApplication;
import org.movedesk.ui.patients.LocationChoice;
import org.movedesk.ui.testing.DeskRobot;

/**
 * Journeys on the second engineer's screens, on the real app (demo mode, own temp store,
 * in-process sandbox) under Monocle: discharge to hospital twice (the second time the central
 * EXISTING_PATIENT sentence shows), resolve conflicts in the sync centre (keep mine, take
 * theirs), and an administrator creates an operator who can then sign in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatientsSyncAdminJourneyTest extends DeskRobot {

    private static Path store;
    private static MoveDeskApplication app;
    private static String dischargedNumber;

    @BeforeAll
    static void startTheDesk() throws Exception {
        store = Files.createTempDirectory("movedesk-ui2-journey");
        app = startDesk(store, "--movedesk.demo.people=60", "--movedesk.demo.moves=40",
                "--movedesk.config.dir=" + store.resolve("config"),
                // offline: sync stays off, so the discharge waits in the outbox for the conflict steps
                "--movedesk.sync.enabled=false");
    }

    @AfterAll
    static void stopTheDesk() throws Exception {
        stopDesk(app, store);
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
