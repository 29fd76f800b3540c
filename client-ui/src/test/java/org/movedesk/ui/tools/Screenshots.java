package org.movedesk.ui.tools;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;


import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

import org.testfx.util.WaitForAsyncUtils;

import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.moves.MoveFilter;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveRow;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.ui.app.DeskIdentity;
import org.movedesk.ui.common.ThemeService;
import org.movedesk.ui.moves.BookingWizardViewModel;
import org.movedesk.ui.moves.MovesFeature;
import org.movedesk.ui.shell.ShellViewModel;
import org.movedesk.sandbox.Sandbox;

/**
 * Runs the real desk (demo mode, a fresh demo store) on a real display (Xvfb in
 * scripts/screenshots.sh), drives it to each main screen and saves a PNG of the window:
 * sign-in, dashboard, move list, the booking wizard's person found at the centre, booking wizard,
 * move detail, and the dashboard in dark.
 *
 * Usage: Screenshots OUTPUT_DIR [STORE_DIR]
 */
public final class Screenshots extends ScreenshotTool {

    public static void main(String[] args) throws Exception {
        ScreenshotTool.main(new Screenshots(), args);
    }

    @Override
    protected void run(Path store) throws Exception {
        startDesk(store);
        shoot("01-sign-in");

        clickOn("#username").write("staff");
        clickOn("#password").write("staff");
        clickOn("#signInButton");
        waitUntil(60, () -> lookup("#nav-dashboard").tryQuery().isPresent());
        waitUntil(60, () -> lookup("#outgoingTable").tryQuery().isPresent());
        settle();
        shoot("02-dashboard");

        ShellViewModel shell = app.context().getBean(ShellViewModel.class);
        interact(() -> shell.show(MovesFeature.LIST));
        waitUntil(30, () -> lookup("#moveTable").tryQuery().isPresent());
        interact(() -> lookup("#weekToggle").queryAs(javafx.scene.control.ToggleButton.class).setSelected(true));
        settle();
        shoot("03-move-list");

        Sandbox sandbox = app.context().getBean(Sandbox.class);
        // the person step after a look-up at the centre: someone the desk's cache does not hold yet
        String centralOnly = recordAtTheCentre(sandbox);
        waitUntil(120, () -> app.context().getBean(org.movedesk.sync.status.SyncStatus.class).current().online());
        interact(() -> shell.show(MovesFeature.BOOK));
        waitUntil(30, () -> lookup("#prisonNumber").tryQuery().map(node -> node.isVisible()).orElse(false));
        clickOn("#prisonNumber").write(centralOnly);
        clickOn("#findPerson");
        waitUntil(60, () -> lookup("#personFound").tryQuery().map(node -> node.isVisible()).orElse(false));
        settle();
        shoot("04a-booking-central-lookup");
        // a slow centre: the spinner, the note and Stop while the wizard waits
        sandbox.faults().setLatencyMillis(8_000);
        try {
            interact(() -> lookup("#prisonNumber").queryAs(TextField.class).setText("Z4821QU"));
            clickOn("#findPerson");
            waitUntil(30, () -> lookup("#cancelLookup").tryQuery().map(node -> node.isVisible()).orElse(false));
            WaitForAsyncUtils.waitForFxEvents(5);
            shoot("04b-booking-asking-the-centre");
            clickOn("#cancelLookup");
        } finally {
            sandbox.faults().setLatencyMillis(0);
        }
        interact(() -> shell.show("dashboard"));

        String prisonNumber = sandbox.state().peopleInPrison().get(3).prisonNumber();
        interact(() -> shell.show(MovesFeature.BOOK));
        waitUntil(30, () -> lookup("#prisonNumber").tryQuery().map(node -> node.isVisible()).orElse(false));
        clickOn("#prisonNumber").write(prisonNumber);
        clickOn("#findPerson");
        waitUntil(30, () -> lookup("#personFound").tryQuery().map(node -> node.isVisible()).orElse(false));
        clickOn("#wizardNext");
        LocationService locations = app.context().getBean(LocationService.class);
        var own = app.context().getBean(DeskIdentity.class).ownLocations().iterator().next();
        var court = locations.search("", Set.of(LocationType.COURT), 1).get(0);
        interact(() -> {
            ComboBox<BookingWizardViewModel.LocationChoice> from = lookup("#fromLocation").query();
            ComboBox<BookingWizardViewModel.LocationChoice> to = lookup("#toLocation").query();
            from.setValue(from.getItems().stream().filter(c -> c.id().equals(own)).findFirst().orElseThrow());
            to.setValue(to.getItems().stream().filter(c -> c.id().equals(court.getId())).findFirst().orElseThrow());
            lookup("#moveTime").queryAs(TextField.class).setText("09:30");
            lookup("#moveNotes").queryAs(javafx.scene.control.TextArea.class).setText("Needs a wheelchair-accessible vehicle.");
        });
        settle();
        shoot("04-booking-wizard");

        MoveQueries queries = app.context().getBean(MoveQueries.class);
        MoveRow booked = queries.list(new MoveFilter(app.context().getBean(DeskIdentity.class).ownLocations(),
                LocalDate.now(), LocalDate.now().plusDays(7), Set.of(MoveStatus.BOOKED), Set.of(), null), 0, 1)
                .getContent().get(0);
        interact(() -> shell.show(MovesFeature.DETAIL, booked.id()));
        waitUntil(30, () -> lookup("#action-start").tryQuery().isPresent());
        settle();
        shoot("05-move-detail");

        interact(() -> shell.show("dashboard"));
        interact(() -> app.context().getBean(ThemeService.class).toggle());
        settle();
        shoot("06-dashboard-dark");
        interact(() -> app.context().getBean(ThemeService.class).toggle());
    }

    /** A person recorded centrally (as another desk would) after this desk filled its cache. */
    private String recordAtTheCentre(Sandbox sandbox) throws Exception {
        String number = "Z4821QT";
        if (sandbox.state().personByPrisonNumber(number).isEmpty()) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode document = json.createObjectNode();
            document.putObject("data").put("type", "people").putObject("attributes")
                    .put("first_names", "Marta").put("last_name", "Okafor").put("date_of_birth", "1988-06-14")
                    .put("prison_number", number);
            int status = app.context().getBean(org.movedesk.sync.CentralClients.class).moves()
                    .createPerson(document, java.util.UUID.randomUUID(), null).status();
            if (status != 201) {
                throw new IllegalStateException("the sandbox did not record the person: HTTP " + status);
            }
        }
        return number;
    }
}
