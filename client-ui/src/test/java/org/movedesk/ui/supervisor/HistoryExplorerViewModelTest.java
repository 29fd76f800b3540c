package org.movedesk.ui.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.history.HistoryChainCheck;
import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.history.export.HistoryCsvExport;
import org.movedesk.core.history.export.HistoryPdfReport;
import org.movedesk.core.history.stats.HistoryStats;
import org.movedesk.core.history.stats.LabelCount;
import org.movedesk.core.history.timeline.CentralTimelineService;
import org.movedesk.core.history.timeline.TimelineSource;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.testing.ViewModelTest;

/**
 * The explorer's view models on a real H2 store: history made by booking, accepting and
 * cancelling moves as an operator of this test only, so other tests' entries never interfere.
 */
class HistoryExplorerViewModelTest extends ViewModelTest {

    @Autowired HistoryExplorer explorer;
    @Autowired HistoryCsvExport csv;
    @Autowired HistoryPdfReport pdf;
    @Autowired HistoryChainCheck chain;
    @Autowired HistoryStats stats;
    @Autowired CentralTimelineService central;
    @Autowired MoveService moves;

    @TempDir Path temp;

    UiSettings settings;
    Actor staff;
    Actor supervisor;
    Move accepted;

    @BeforeEach
    void recordSomeHistory() {
        settings = UiSettings.load(temp.resolve("ui-settings.json"));
        staff = new Actor("hx-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.PRISON_STAFF), StoreFixture.DESK);
        supervisor = new Actor("hx-supervisor", Set.of(Role.SUPERVISOR), StoreFixture.DESK);
        accepted = book("needs a wheelchair accessible van");
        accepted = moves.accept(staff, accepted.getId(), accepted.getVersion(), "van 12");
        Move cancelled = book(null);
        moves.cancel(staff, cancelled.getId(), cancelled.getVersion(), CancellationReason.MADE_IN_ERROR, "typo");
        book(null);
        // history: 3 bookings + 1 accept + 1 cancel = 5 entries by this operator
    }

    private Move book(String notes) {
        return moves.book(staff, new BookMove(fixture.knownPerson("Explorer").getId(), MoveType.PRISON_TRANSFER,
                StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.uniqueDate(), LocalTime.of(10, 0), notes, false));
    }

    private HistoryExplorerViewModel explorerModel() {
        return new HistoryExplorerViewModel(explorer, csv, pdf, chain, session, tasks, settings, ZoneId.of("Europe/London"));
    }

    @Test
    void aSupervisorFiltersByOperatorAndEventType() {
        signIn(supervisor);
        HistoryExplorerViewModel model = explorerModel();
        model.operators().add(staff.username());
        model.eventTypes().add("move.accepted");

        model.applyFilters();

        assertThat(model.seesEveryoneProperty().get()).isTrue();
        assertThat(model.rows()).singleElement().satisfies(e -> {
            assertThat(e.operator()).isEqualTo(staff.username());
            assertThat(e.eventType()).isEqualTo("move.accepted");
            assertThat(e.aggregateId()).isEqualTo(accepted.getId().toString());
        });
        assertThat(model.summaryProperty().get()).isEqualTo("Entries 1–1 of 1");
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void staffSeeOnlyTheirOwnEntriesAndHaveNoOperatorFilter() {
        signIn(staff);
        HistoryExplorerViewModel model = explorerModel();
        model.operators().add("somebody-else"); // ignored: the operator filter is hidden for them

        model.applyFilters();

        assertThat(model.seesEveryoneProperty().get()).isFalse();
        assertThat(model.rows()).hasSize(5).allSatisfy(e -> assertThat(e.operator()).isEqualTo(staff.username()));
        assertThat(model.rows()).extracting(ExplorerEntry::syncState).doesNotContainNull();
    }

    @Test
    void pagesGoForwardAndBackOnePageAtATime() {
        signIn(supervisor);
        HistoryExplorerViewModel model = explorerModel();
        model.setPageSize(2);
        model.operators().add(staff.username());
        model.applyFilters();
        List<Long> first = ids(model);

        assertThat(first).hasSize(2);
        assertThat(model.hasNextProperty().get()).isTrue();
        model.nextPage();
        List<Long> second = ids(model);
        model.nextPage();
        List<Long> third = ids(model);

        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(third).hasSize(1).doesNotContainAnyElementsOf(second);
        assertThat(model.hasNextProperty().get()).isFalse();
        assertThat(model.summaryProperty().get()).isEqualTo("Entries 5–5 of 5");
        model.previousPage();
        assertThat(ids(model)).isEqualTo(second);
        model.previousPage();
        assertThat(ids(model)).isEqualTo(first);
        assertThat(model.pageProperty().get()).isZero();
    }

    private static List<Long> ids(HistoryExplorerViewModel model) {
        return model.rows().stream().map(ExplorerEntry::id).toList();
    }

    @Test
    void freeTextFindsWordsInTheNotes() {
        signIn(supervisor);
        HistoryExplorerViewModel model = explorerModel();
        model.operators().add(staff.username());
        model.textProperty().set("Wheelchair VAN");

        model.applyFilters();

        assertThat(model.rows()).singleElement().satisfies(e -> assertThat(e.eventType()).isEqualTo("move.booked"));
    }

    @Test
    void aBadFilterSaysWhatIsWrongAndKeepsTheRowsShown() {
        signIn(supervisor);
        HistoryExplorerViewModel model = explorerModel();
        model.operators().add(staff.username());
        model.applyFilters();
        List<Long> before = ids(model);

        model.fromDateProperty().set(LocalDate.of(2026, 5, 2));
        model.toDateProperty().set(LocalDate.of(2026, 5, 1));
        model.applyFilters();

        assertThat(model.errorProperty().get()).isNotBlank();
        assertThat(ids(model)).isEqualTo(before);

        model.clearFilters();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.fromDateProperty().get()).isNull();
        assertThat(model.operators()).isEmpty();
    }

    @Test
    void appliedFiltersAreRememberedForTheNextVisit() {
        signIn(supervisor);
        HistoryExplorerViewModel model = explorerModel();
        model.operators().add(staff.username());
        model.eventTypes().addAll(List.of("move.booked", "move.cancelled"));
        model.statuses().add(org.movedesk.core.moves.MoveStatus.CANCELLED);
        model.fromDateProperty().set(LocalDate.of(2026, 1, 1));
        model.textProperty().set("typo");
        model.applyFilters();

        HistoryExplorerViewModel again = explorerModel();

        assertThat(again.operators()).containsExactly(staff.username());
        assertThat(again.eventTypes()).containsExactlyInAnyOrder("move.booked", "move.cancelled");
        assertThat(again.statuses()).containsExactly(org.movedesk.core.moves.MoveStatus.CANCELLED);
        assertThat(again.fromDateProperty().get()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(again.textProperty().get()).isEqualTo("typo");
    }

    @Test
    void aDamagedRememberedFilterOpensTheScreenWithEmptyFilters() {
        settings.put(HistoryExplorerViewModel.SETTINGS + "statuses", "NOT_A_STATUS");
        settings.put(HistoryExplorerViewModel.SETTINGS + "from", "yesterday");
        signIn(supervisor);

        HistoryExplorerViewModel model = explorerModel();

        assertThat(model.statuses()).isEmpty();
        assertThat(model.fromDateProperty().get()).isNull();
    }

    @Test
    void csvExportWritesEveryFilteredRowNotJustThePage() throws Exception {
        signIn(supervisor);
        HistoryExplorerViewModel model = explorerModel();
        model.setPageSize(2);
        model.operators().add(staff.username());
        model.applyFilters();
        Path file = temp.resolve("history.csv");
        AtomicReference<Long> rows = new AtomicReference<>();

        model.exportCsv(file, result -> rows.set(result.rows()));

        assertThat(rows.get()).isEqualTo(5);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("id,occurred_at");
        assertThat(model.workMessageProperty().get()).contains("Exported 5 rows");
        assertThat(model.workProgressProperty().get()).isEqualTo(1.0);
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void pdfReportIsWrittenWithTheChartsGiven() throws Exception {
        signIn(supervisor);
        HistoryExplorerViewModel model = explorerModel();
        model.operators().add(staff.username());
        model.applyFilters();
        Path file = temp.resolve("report.pdf");

        model.exportPdf(file, java.util.Map.of(), result -> { });

        assertThat(Files.readAllBytes(file)).startsWith("%PDF".getBytes());
        assertThat(temp.resolve("report.pdf.part")).doesNotExist();
    }

    @Test
    void verifyReportsAnIntactChainToASupervisorAndRefusesStaff() {
        signIn(supervisor);
        HistoryExplorerViewModel model = explorerModel();
        AtomicReference<HistoryChainCheck.Report> report = new AtomicReference<>();

        model.verify(report::set);

        assertThat(report.get().intact()).isTrue();
        assertThat(model.workMessageProperty().get()).startsWith("History verified");

        signIn(staff);
        HistoryExplorerViewModel staffModel = explorerModel();
        staffModel.verify(r -> { });
        assertThat(staffModel.workMessageProperty().get()).startsWith("Verifying history failed");
    }

    @Test
    void aBrokenChainIsDescribedByItsFirstBrokenLink() {
        HistoryChainCheck.Report broken = new HistoryChainCheck.Report(false, 41, 100, 42L,
                "its content was changed after it was recorded", "ab12", "cd34");

        assertThat(HistoryExplorerViewModel.describe(broken))
                .contains("NOT intact").contains("entry 42").contains("content was changed")
                .contains("Expected ab12, found cd34");
    }

    @Test
    void drillDownShowsTheMovesTimelineWithBeforeAndAfterOfEachChange() {
        signIn(supervisor);
        DrillDownViewModel drill = new DrillDownViewModel(explorer, central, centralMoveId -> Optional.empty(), session, tasks);
        HistoryExplorerViewModel model = explorerModel();
        model.operators().add(staff.username());
        model.eventTypes().add("move.accepted");
        model.applyFilters();

        drill.open(model.rows().get(0));

        assertThat(drill.errorProperty().get()).isEmpty();
        assertThat(drill.lines()).extracting(DrillDownViewModel.Line::event).containsExactly("move.booked", "move.accepted");
        assertThat(drill.lines()).allSatisfy(line -> assertThat(line.source()).isEqualTo(TimelineSource.LOCAL));
        assertThat(drill.noteProperty().get()).isNotBlank();
        assertThat(drill.changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("status");
            assertThat(change.before()).isEqualTo("requested");
            assertThat(change.after()).isEqualTo("booked");
        });
    }

    @Test
    void drillDownMarksCentralOnlyEventsWhenTheCentreAnswers() {
        signIn(supervisor);
        DrillDownViewModel drill = new DrillDownViewModel(explorer, central, centralMoveId -> Optional.of(List.of(
                new org.movedesk.core.history.timeline.CentralTimelineEvent("e1", "MoveLockout", java.time.Instant.now(),
                        java.util.Map.of("reason", "late")))), session, tasks);

        drill.openMove(accepted.getId(), accepted.getReference());

        // the move has no central id yet, so core keeps it local and says why
        assertThat(drill.lines()).isNotEmpty();
        assertThat(drill.titleProperty().get()).contains("entries");
    }

    @Test
    void drillDownIntoAPerson() {
        signIn(supervisor);
        DrillDownViewModel drill = new DrillDownViewModel(explorer, central, centralMoveId -> Optional.empty(), session, tasks);

        drill.openPerson(accepted.getPerson().getPrisonNumber());

        assertThat(drill.titleProperty().get()).startsWith("Person " + accepted.getPerson().getPrisonNumber());
        assertThat(drill.lines()).extracting(DrillDownViewModel.Line::event).contains("move.booked", "move.accepted");
    }

    @Test
    void chartsAreComputedForTheAppliedFilter() {
        signIn(supervisor);
        HistoryExplorerViewModel model = explorerModel();
        model.operators().add(staff.username());
        model.applyFilters();
        HistoryChartsViewModel charts = new HistoryChartsViewModel(stats, session, tasks);

        charts.load(model.appliedFilter());

        HistoryChartsViewModel.ChartData data = charts.dataProperty().get();
        assertThat(data).isNotNull();
        assertThat(data.perOperator()).extracting(LabelCount::label, LabelCount::entries)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(staff.username(), 5L));
        assertThat(data.bookedToCompleted().buckets()).isNotEmpty();
        assertThat(charts.errorProperty().get()).isEmpty();
        assertThat(charts.loadingProperty().get()).isFalse();
    }

    @Test
    void aCancelledCsvExportSaysSoAndLeavesNoFile() {
        signIn(supervisor);
        org.movedesk.ui.common.TaskRunner cancelling = new CancelledByTheUser();
        HistoryExplorerViewModel model = new HistoryExplorerViewModel(explorer, csv, pdf, chain, session, cancelling,
                settings, ZoneId.of("Europe/London"));
        Path file = temp.resolve("cancelled.csv");

        model.exportCsv(file, result -> { });

        assertThat(model.workMessageProperty().get()).isEqualTo("Exporting history to CSV cancelled; no file was left behind.");
        assertThat(file).doesNotExist();
        assertThat(model.workingProperty().get()).isFalse();
    }

    /** Runs work at once, as if the user had pressed Cancel before the first chunk. */
    static final class CancelledByTheUser implements org.movedesk.ui.common.TaskRunner {
        @Override
        public <T> org.movedesk.ui.common.TaskHandle run(org.movedesk.ui.common.BackgroundTask<T> task) {
            try {
                T result = org.movedesk.ui.common.BackgroundTaskAccess.work(task).run(new org.movedesk.ui.common.BackgroundTask.Progress() {
                    @Override public void update(long done, long total) { }
                    @Override public void message(String text) { }
                    @Override public boolean isCancelled() { return true; }
                });
                org.movedesk.ui.common.BackgroundTaskAccess.success(task, result);
            } catch (Exception failure) {
                org.movedesk.ui.common.BackgroundTaskAccess.fail(task, failure);
            } finally {
                org.movedesk.ui.common.BackgroundTaskAccess.finish(task);
            }
            return new org.movedesk.ui.common.TaskHandle() {
                @Override public void cancel() { }
                @Override public boolean isDone() { return true; }
            };
        }

        @Override public javafx.beans.property.ReadOnlyStringProperty activityProperty() {
            return new javafx.beans.property.ReadOnlyStringWrapper("").getReadOnlyProperty();
        }

        @Override public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
            return new javafx.beans.property.ReadOnlyDoubleWrapper().getReadOnlyProperty();
        }

        @Override public void cancelActivity() { }
    }
}
