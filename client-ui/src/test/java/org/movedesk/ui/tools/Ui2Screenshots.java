package org.movedesk.ui.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.SyncError;
import org.movedesk.core.restrictedpatients.DischargeToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.ui.app.MoveDeskApplication;
import org.movedesk.ui.app.demo.DemoDataLoader;
import org.movedesk.ui.patients.LocationChoice;

/**
 * Extends the screenshot tool ({@link Screenshots}) with the restricted-patient, sync-centre and
 * administration screens: the real desk in demo mode on a real (Xvfb) display, a few patients,
 * a failed and a conflicted discharge seeded through core, then one PNG per screen.
 * scripts/screenshots.sh runs it as the "patients" set.
 *
 * Usage: Ui2Screenshots OUTPUT_DIR [STORE_DIR]
 */
public final class Ui2Screenshots extends FxRobot {

    private static Path store;
    private static MoveDeskApplication app;
    private static Path out;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        store = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("movedesk-ui2-screens");
        Files.createDirectories(out);
        int status = 0;
        try {
            start();
            new Ui2Screenshots().captureTheScreens();
        } catch (Throwable failed) {
            failed.printStackTrace();
            status = 1;
        } finally {
            try {
                FxToolkit.cleanupApplication(app);
            } catch (Throwable ignored) {
                // exiting anyway
            }
            System.exit(status);
        }
    }

    private static void start() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (MoveDeskApplication) FxToolkit.setupApplication(MoveDeskApplication.class,
                "--movedesk.store.dir=" + store, "--movedesk.demo.people=80", "--movedesk.demo.moves=60",
                "--movedesk.security.session.idle-timeout=0", "--movedesk.config.dir=" + store.resolve("config"));
        FxToolkit.setupFixture(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS,
                () -> app.context() != null && app.context().getBean(DemoDataLoader.class).isDone());
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean showing(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve(name + ".png").toFile());
        System.out.println("saved " + out.resolve(name + ".png"));
    }

    private void signInAs(String username) throws TimeoutException {
        if (lookup("#operatorLabel").tryQuery().map(Node::isVisible).orElse(false)) {
            press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
            waitUntil(() -> lookup("#dialogConfirm").tryQuery().isPresent());
            clickOn("#dialogConfirm");
        }
        waitUntil(() -> showing("#username") && !lookup("#signInButton").queryButton().isDisabled());
        interact(() -> lookup("#username").queryAs(javafx.scene.control.TextField.class).setText(username));
        interact(() -> lookup("#password").queryAs(javafx.scene.control.TextField.class).setText(username));
        clickOn("#signInButton");
        waitUntil(() -> showing("#operatorLabel"));
    }

    private void shortcut(KeyCode key) {
        press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    /** A few patients, a failed discharge with the centre's reason and a conflicted one. */
    private void seed() {
        // sync runs against the sandbox; paused, so the failed and conflicted entries stay as seeded
        app.context().getBeanProvider(org.movedesk.sync.SyncEngine.class).ifAvailable(org.movedesk.sync.SyncEngine::pause);
        RestrictedPatientService patients = app.context().getBean(RestrictedPatientService.class);
        OutboxService outbox = app.context().getBean(OutboxService.class);
        Actor rp = new Actor("rp", java.util.EnumSet.of(Role.RP_SEARCH, Role.RP_TRANSFER, Role.RP_REMOVE, Role.RP_MIGRATE),
                "demo");
        List<org.movedesk.sandbox.SandboxState.PersonSnapshot> people =
                app.context().getBean(Sandbox.class).state().peopleInPrison();
        String[][] where = {{"MDI", "HAZLWD"}, {"LEI", "RAMPTN"}, {"BXI", "BROADM"}, {"MDI", "REASID"}, {"LEI", "ASHWRT"}};
        for (int i = 0; i < where.length; i++) {
            patients.dischargeToHospital(rp, new DischargeToHospital(people.get(10 + i).prisonNumber(), where[i][0], where[i][1],
                    null, LocalDateTime.now().minusDays(3L * i + 1).withNano(0).withSecond(0), "Section 47 transfer"));
        }
        OutboxEntry failed = central(outbox, people.get(10).prisonNumber());
        outbox.markInFlight(failed.getId());
        outbox.markFailed(failed.getId(), new SyncError(400, "VALIDATION_FAILURE", "Validation failure",
                "hospitalLocationCode: HAZLWD is not a hospital known to the Restricted Patients service",
                "/hospitalLocationCode"));
        OutboxEntry conflict = central(outbox, people.get(11).prisonNumber());
        outbox.markInFlight(conflict.getId());
        outbox.markConflict(conflict.getId(),
                "{\"prisonerNumber\":\"" + people.get(11).prisonNumber() + "\",\"hospitalLocationCode\":\"RAMPTN\",\"supportingPrisonId\":\"LEI\"}",
                "{\"prisonerNumber\":\"" + people.get(11).prisonNumber() + "\",\"hospitalLocationCode\":\"BROADM\",\"supportingPrisonId\":\"LEI\"}");
    }

    private static OutboxEntry central(OutboxService outbox, String prisonNumber) {
        return outbox.forAggregate(AggregateType.PATIENT, prisonNumber).stream()
                .filter(e -> e.getChannel() == OutboxChannel.CENTRAL).findFirst().orElseThrow();
    }

    void captureTheScreens() throws Exception {
        seed();
        signInAs("rp");

        shortcut(KeyCode.DIGIT5);
        TableView<?> patients = lookup("#patientTable").query();
        waitUntil(() -> patients.getItems().size() >= 5);
        interact(() -> patients.getSelectionModel().select(1));
        shot("patients-list");

        shortcut(KeyCode.D);
        waitUntil(() -> showing("#dischargePrisonNumber"));
        String number = app.context().getBean(Sandbox.class).state().peopleInPrison().get(3).prisonNumber();
        clickOn("#dischargePrisonNumber").write(number).type(KeyCode.ENTER);
        waitUntil(() -> lookup("#prisonerFound").queryAs(Label.class).getText().contains(number));
        shot("discharge-wizard-prisoner");
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#hospitalChoice"));
        interact(() -> {
            ComboBox<LocationChoice> hospital = lookup("#hospitalChoice").query();
            hospital.setValue(hospital.getItems().stream().filter(c -> c.agencyId().equals("HAZLWD")).findFirst().orElseThrow());
            ComboBox<LocationChoice> from = lookup("#fromPrisonChoice").query();
            if (from.getValue() == null) {
                from.setValue(from.getItems().stream().filter(c -> c.agencyId().equals("MDI")).findFirst().orElse(from.getItems().get(0)));
            }
            lookup("#dischargeComment").queryAs(javafx.scene.control.TextArea.class).setText("Transferred under section 47 MHA");
        });
        shot("discharge-wizard-hospital");
        clickOn("#dischargeNext");
        waitUntil(() -> showing("#dischargeConfirm"));
        shot("discharge-wizard-confirm");
        type(KeyCode.ESCAPE);

        shortcut(KeyCode.DIGIT6);
        waitUntil(() -> showing("#syncTabs"));
        press(KeyCode.ALT).type(KeyCode.DIGIT2).release(KeyCode.ALT);
        TableView<?> failed = lookup("#failedTable").query();
        waitUntil(() -> failed.isVisible() && failed.getItems().size() == 1);
        interact(() -> failed.getSelectionModel().select(0));
        waitUntil(() -> !lookup("#failedReasonLabel").queryAs(Label.class).getText().isEmpty());
        shot("sync-centre-failed");
        press(KeyCode.ALT).type(KeyCode.DIGIT3).release(KeyCode.ALT);
        TableView<?> conflicts = lookup("#conflictTable").query();
        waitUntil(() -> conflicts.isVisible() && conflicts.getItems().size() == 1);
        interact(() -> conflicts.getSelectionModel().select(0));
        waitUntil(() -> !lookup("#compareTable").queryAs(TableView.class).getItems().isEmpty());
        shot("sync-centre-conflict");

        signInAs("admin");
        shortcut(KeyCode.DIGIT9);
        TableView<?> operators = lookup("#operatorTable").query();
        waitUntil(() -> operators.getItems().size() >= 5);
        shot("admin-operators");
        clickOn("Central service");
        waitUntil(() -> showing("#movesUrl"));
        clickOn("#testConnectionButton");
        waitUntil(() -> lookup("#testResult").queryAs(Label.class).getText().startsWith("Connected")
                || lookup("#testResult").queryAs(Label.class).getText().contains("refused")
                || lookup("#testResult").queryAs(Label.class).getText().contains("reach"));
        shot("admin-central-service");

        clickOn("Backup and support");
        waitUntil(() -> showing("#backupNowButton"));
        clickOn("#backupNowButton");
        waitUntil(() -> lookup("#backupNotice").queryAs(Label.class).getText().startsWith("Backed up to"));
        shot("admin-backup");
    }
}
