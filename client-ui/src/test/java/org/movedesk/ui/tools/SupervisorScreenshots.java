package org.movedesk.ui.tools;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;


import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.controlsfx.control.CheckComboBox;

import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.RejectionReason;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.ui.app.DeskIdentity;
import org.movedesk.ui.shell.ShellViewModel;
import org.movedesk.ui.supervisor.SupervisorFeature;

/**
 * The supervisor's screens for docs/screenshots (third UI part): the history explorer filtered
 * by operator, a drill-down with its field-by-field changes, and the charts. Staff and a
 * supplier first act on some demo moves (with sync on, against the demo sandbox) so there is
 * history to show. Run by scripts/screenshots.sh under Xvfb.
 *
 * Usage: SupervisorScreenshots OUTPUT_DIR [STORE_DIR]
 */
public final class SupervisorScreenshots extends ScreenshotTool {

    public static void main(String[] args) throws Exception {
        ScreenshotTool.main(new SupervisorScreenshots(), args);
    }

    @Override
    protected void run(Path store) throws Exception {
        startDesk(store);
        makeHistory();

        clickOn("#username").write("supervisor");
        clickOn("#password").write("supervisor");
        clickOn("#signInButton");
        waitUntil(60, () -> lookup("#nav-history").tryQuery().isPresent());
        ShellViewModel shell = app.context().getBean(ShellViewModel.class);
        interact(() -> shell.show(SupervisorFeature.HISTORY));
        waitUntil(30, () -> lookup("#historyTable").tryQuery().isPresent());
        CheckComboBox<String> operators = lookup("#operatorFilter").query();
        waitUntil(30, () -> operators.getItems().contains("staff"));
        interact(() -> {
            operators.getCheckModel().check("staff");
            operators.getCheckModel().check("supplier");
        });
        clickOn("#textFilter").type(KeyCode.ENTER);
        TableView<ExplorerEntry> table = lookup("#historyTable").query();
        waitUntil(30, () -> table.getItems().size() >= 6);
        settle();
        shoot("07-history-explorer");

        int completed = indexOf(table, "move.completed");
        interact(() -> {
            table.getSelectionModel().select(Math.max(0, completed));
            table.requestFocus();
        });
        type(KeyCode.ENTER);
        TableView<?> timeline = lookup("#timelineTable").query();
        waitUntil(30, () -> timeline.getItems().size() >= 3);
        interact(() -> timeline.getSelectionModel().select(1));
        settle();
        shoot("08-history-drilldown");

        interact(() -> lookup("#historyTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        waitUntil(30, () -> !lookup("#operatorChart").queryAs(javafx.scene.chart.BarChart.class).getData().isEmpty());
        settle();
        shoot("09-history-charts");
    }

    private static int indexOf(TableView<ExplorerEntry> table, String eventType) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).eventType().equals(eventType)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Staff book eight moves for demo people (independent of what the first pull brings), then
     * staff and a supplier take them through their life: completed, accepted, cancelled, rejected.
     */
    private void makeHistory() throws Exception {
        MoveService moves = app.context().getBean(MoveService.class);
        String desk = app.context().getBean(DeskIdentity.class).deskId();
        Actor staff = new Actor("staff", Set.of(Role.PRISON_STAFF), desk);
        Actor supplier = new Actor("supplier", Set.of(Role.SUPPLIER), desk);
        var people = app.context().getBean(org.movedesk.core.people.PersonService.class);
        var locations = app.context().getBean(org.movedesk.core.locations.LocationService.class);
        var sandbox = app.context().getBean(org.movedesk.sandbox.Sandbox.class);
        java.util.UUID own = app.context().getBean(DeskIdentity.class).ownLocations().iterator().next();
        List<java.util.UUID> destinations = locations.search("", Set.of(org.movedesk.core.locations.LocationType.COURT,
                org.movedesk.core.locations.LocationType.PRISON), 6).stream().map(l -> l.getId())
                .filter(id -> !id.equals(own)).toList();
        var inPrison = sandbox.state().peopleInPrison();
        int made = 0;
        for (int i = 0; made < 8 && i < inPrison.size(); i++) {
            var person = people.findByPrisonNumber(inPrison.get(i).prisonNumber());
            if (person.isEmpty()) {
                continue;
            }
            var move = moves.book(staff, new org.movedesk.core.moves.BookMove(person.get().getId(),
                    made % 2 == 0 ? org.movedesk.core.moves.MoveType.COURT_APPEARANCE : org.movedesk.core.moves.MoveType.PRISON_TRANSFER,
                    own, destinations.get(made % destinations.size()), LocalDate.now().plusDays(1 + made % 3),
                    java.time.LocalTime.of(9, 30), made == 0 ? "Video link unavailable, attend in person" : null, false));
            java.util.UUID id = move.getId();
            // sync pushes each change at once and stamps the move as it does; an action that meets
            // that stamp is refused as a concurrent edit, and is simply asked again (as an operator would)
            switch (made % 4) {
                case 0 -> {
                    again(() -> moves.accept(staff, id, null, "Escort van confirmed"));
                    again(() -> moves.start(supplier, id, null, "Left the gate at 08:10"));
                    again(() -> moves.complete(supplier, id, null, "Handed over at reception"));
                }
                case 1 -> again(() -> moves.accept(staff, id, null, "Booked with the supplier"));
                case 2 -> again(() -> moves.cancel(staff, id, null, CancellationReason.MADE_IN_ERROR, "Duplicate booking"));
                default -> again(() -> moves.reject(staff, id, null, RejectionReason.values()[0], false, "No bed space"));
            }
            made++;
        }
        OutboxService outbox = app.context().getBean(OutboxService.class);
        try {
            waitUntil(60, () -> outbox.counts().pending() + outbox.counts().inFlight() == 0);
        } catch (TimeoutException stillSending) {
            System.out.println("outbox not empty yet; some entries will show as recorded offline");
        }
    }

    private static void again(Runnable action) {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (org.movedesk.core.common.ConcurrentEditException changedMeanwhile) {
                if (attempt == 5) {
                    throw changedMeanwhile;
                }
            }
        }
    }
}
