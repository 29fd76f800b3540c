package org.movedesk.ui.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.moves.MoveFilter;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveRow;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.ui.app.DeskIdentity;
import org.movedesk.ui.app.MoveDeskApplication;
import org.movedesk.ui.testing.DeskRobot;

/**
 * A supervisor's journey through the history explorer on the real app (demo store, offline),
 * headless under Monocle: sign in, filter by operator and event type with Enter, drill down
 * with Enter, export CSV with Ctrl+E and read the file back, a PDF report with Ctrl+Shift+P (chart snapshots), Ctrl+P
 * without a printer, verify history with Ctrl+Shift+V,
 * clear the filters with Escape. Every wait is on a condition with a deadline.
 */
class HistoryExplorerJourneyTest extends DeskRobot {

    private static Path store;
    private static Path exports;
    private static MoveDeskApplication app;

    @BeforeAll
    static void startTheDesk() throws Exception {
        store = Files.createTempDirectory("movedesk-history-journey");
        exports = Files.createTempDirectory("movedesk-history-exports");
        app = startDesk(store, "--movedesk.demo.people=60", "--movedesk.demo.moves=60", "--movedesk.sync.enabled=false");
    }

    @AfterAll
    static void stopTheDesk() throws Exception {
        stopDesk(app, store, exports);
    }

    /** Two moves accepted by "staff", so the operator + event type filter has a known answer. */
    private void staffAcceptsTwoMoves() {
        MoveQueries queries = app.context().getBean(MoveQueries.class);
        MoveService moves = app.context().getBean(MoveService.class);
        String desk = app.context().getBean(DeskIdentity.class).deskId();
        Actor staff = new Actor("staff", Set.of(Role.PRISON_STAFF), desk);
        List<MoveRow> requested = queries.list(new MoveFilter(Set.of(), LocalDate.now().minusDays(60),
                LocalDate.now().plusDays(60), Set.of(MoveStatus.REQUESTED), Set.of(), null), 0, 2).getContent();
        assertThat(requested).hasSize(2);
        requested.forEach(row -> moves.accept(staff, row.id(), null, "journey"));
    }

    @Test
    void aSupervisorFiltersDrillsDownExportsAndVerifies() throws Exception {
        staffAcceptsTwoMoves();
        app.context().getBean(ExportTargets.class).useFolder(exports);

        waitUntil(() -> !lookup("#signInButton").queryButton().isDisabled());
        clickOn("#username").write("supervisor");
        clickOn("#password").write("supervisor").type(KeyCode.ENTER);
        waitUntil(() -> lookup("#nav-history").tryQuery().isPresent());

        press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        waitUntil(() -> showing("#historyTable"));
        assertThat(showing("#operatorFilter")).as("supervisors may filter by operator").isTrue();
        CheckComboBox<String> operators = lookup("#operatorFilter").query();
        CheckComboBox<String> eventTypes = lookup("#eventTypeFilter").query();
        waitUntil(() -> operators.getItems().contains("staff"));
        interact(() -> {
            operators.getCheckModel().check("staff");
            eventTypes.getCheckModel().check("move.accepted");
        });
        clickOn("#textFilter").type(KeyCode.ENTER);

        TableView<ExplorerEntry> table = lookup("#historyTable").query();
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).allSatisfy(e -> {
            assertThat(e.operator()).isEqualTo("staff");
            assertThat(e.eventType()).isEqualTo("move.accepted");
        });

        clickOn(lookup("#historyTable .table-row-cell").nth(0).queryAs(Node.class)).type(KeyCode.ENTER);
        TableView<?> timeline = lookup("#timelineTable").query();
        TableView<?> changes = lookup("#changesTable").query();
        waitUntil(() -> timeline.getItems().size() >= 2 && !changes.getItems().isEmpty());
        assertThat(lookup("#drillTitle").queryAs(Label.class).getText()).startsWith("Move ");

        press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        Path csv = exports.resolve("movedesk-history.csv");
        Label work = lookup("#workMessage").query();
        waitUntil(() -> work.getText().startsWith("Exported"));
        assertThat(Files.readAllLines(csv)).hasSize(3); // header + the two filtered rows

        press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> work.getText().startsWith("PDF report with 2 rows"));
        byte[] pdf = Files.readAllBytes(exports.resolve("movedesk-history-report.pdf"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        if (javafx.print.Printer.getDefaultPrinter() == null) {
            press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
            waitUntil(() -> lookup("#dialogConfirm").tryQuery().isPresent());
            assertThat(lookup(".dialog-pane .content").queryLabeled().getText()).startsWith("No printer is set up");
            clickOn("#dialogConfirm");
            waitUntil(() -> lookup("#dialogConfirm").tryQuery().isEmpty());
        }

        press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.V).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> lookup("#dialogConfirm").tryQuery().isPresent());
        assertThat(work.getText()).startsWith("History verified");
        clickOn("#dialogConfirm");
        waitUntil(() -> lookup("#dialogConfirm").tryQuery().isEmpty());

        clickOn("#textFilter").type(KeyCode.ESCAPE);
        waitUntil(() -> operators.getCheckModel().getCheckedItems().isEmpty() && table.getItems().size() > 2);
    }
}
