package org.movedesk.ui.supervisor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;
import javafx.fxml.FXML;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;
import javafx.util.StringConverter;

import org.controlsfx.control.CheckComboBox;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.history.explorer.FieldChange;
import org.movedesk.core.history.explorer.SyncState;
import org.movedesk.core.history.export.HistoryPdfReport;
import org.movedesk.core.history.stats.DayStatusCount;
import org.movedesk.core.history.stats.DurationStats;
import org.movedesk.core.history.stats.LabelCount;
import org.movedesk.core.history.stats.ReasonCount;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.ui.common.DateFields;
import org.movedesk.ui.common.DialogService;
import org.movedesk.ui.common.Icons;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.TableMemory;
import org.movedesk.ui.common.Tables;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.shell.RouteAware;

/**
 * Thin controller of the history explorer: binds the filters, the paged table, the drill-down
 * pane and the charts to their view models, and wires the keyboard (Enter applies, Escape
 * clears, Ctrl+E CSV, Ctrl+Shift+P PDF, Ctrl+P print, Ctrl+Shift+V verify).
 */
@Component
@Scope("prototype")
public class HistoryExplorerView implements RouteAware {

    static final String AREA = "History";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.UK)
            .withZone(ZoneId.systemDefault());

    private final HistoryExplorerViewModel model;
    private final DrillDownViewModel drill;
    private final HistoryChartsViewModel charts;
    private final Shortcuts shortcuts;
    private final UiSettings settings;
    private final DialogService dialogs;
    private final ExportTargets targets;
    private final Map<KeyCombination, Runnable> keys = new HashMap<>();
    private boolean choicesLoaded;

    @FXML private VBox historyRoot;
    @FXML private FlowPane filterBar;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private CheckComboBox<HistoryExplorerViewModel.Choice> locationFilter;
    @FXML private TextField deskFilter;
    @FXML private CheckComboBox<String> operatorFilter;
    @FXML private CheckComboBox<String> eventTypeFilter;
    @FXML private CheckComboBox<MoveType> moveTypeFilter;
    @FXML private CheckComboBox<MoveStatus> statusFilter;
    @FXML private TextField textFilter;
    @FXML private HBox workBar;
    @FXML private ProgressBar workProgress;
    @FXML private Label workMessage;
    @FXML private Button cancelWork;
    @FXML private Button verifyButton;
    @FXML private Button exportCsvButton;
    @FXML private Button exportPdfButton;
    @FXML private Label historyError;
    @FXML private SplitPane historySplit;
    @FXML private TabPane historyTabs;
    @FXML private Tab entriesTab;
    @FXML private Tab chartsTab;
    @FXML private TableView<ExplorerEntry> historyTable;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label summaryLabel;
    @FXML private Button previousPage;
    @FXML private Button nextPage;
    @FXML private Label pageLabel;
    @FXML private ProgressIndicator chartsLoading;
    @FXML private Label chartsSummary;
    @FXML private StackedBarChart<String, Number> perDayChart;
    @FXML private BarChart<String, Number> durationChart;
    @FXML private BarChart<Number, String> reasonsChart;
    @FXML private BarChart<Number, String> locationChart;
    @FXML private BarChart<Number, String> operatorChart;
    @FXML private Label drillTitle;
    @FXML private Label drillNote;
    @FXML private Label drillError;
    @FXML private TableView<DrillDownViewModel.Line> timelineTable;
    @FXML private TableView<FieldChange> changesTable;

    public HistoryExplorerView(HistoryExplorerViewModel model, DrillDownViewModel drill, HistoryChartsViewModel charts,
                               Shortcuts shortcuts, UiSettings settings, DialogService dialogs, ExportTargets targets) {
        this.model = model;
        this.drill = drill;
        this.charts = charts;
        this.shortcuts = shortcuts;
        this.settings = settings;
        this.dialogs = dialogs;
        this.targets = targets;
    }

    @FXML
    private void initialize() {
        bindFilters();
        bindTable();
        bindDrillDown();
        bindCharts();
        bindWork();
        installKeys();
        double divider = settings.getDouble("history.split", 0.64);
        historySplit.setDividerPositions(divider);
        historySplit.getDividers().get(0).positionProperty().addListener((obs, old, now) ->
                settings.put("history.split", now.doubleValue()));
    }

    // ---- filters ----------------------------------------------------------------------------

    private void bindFilters() {
        DateFields.ukFormat(fromDate);
        DateFields.ukFormat(toDate);
        fromDate.valueProperty().bindBidirectional(model.fromDateProperty());
        toDate.valueProperty().bindBidirectional(model.toDateProperty());
        deskFilter.textProperty().bindBidirectional(model.deskProperty());
        textFilter.textProperty().bindBidirectional(model.textProperty());

        locationFilter.setConverter(converter(HistoryExplorerViewModel.Choice::label));
        model.locationChoices().addListener((ListChangeListener<HistoryExplorerViewModel.Choice>) change -> {
            locationFilter.getItems().setAll(model.locationChoices());
            locationFilter.getItems().stream().filter(c -> model.locations().contains(UUID.fromString(c.key())))
                    .forEach(c -> locationFilter.getCheckModel().check(c));
        });
        locationFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<HistoryExplorerViewModel.Choice>) change -> {
            model.locations().clear();
            locationFilter.getCheckModel().getCheckedItems().forEach(c -> model.locations().add(UUID.fromString(c.key())));
        });

        operatorFilter.setConverter(converter(Function.identity()));
        model.operatorChoices().addListener((ListChangeListener<String>) change -> {
            operatorFilter.getItems().setAll(model.operatorChoices());
            model.operators().stream().filter(operatorFilter.getItems()::contains).toList()
                    .forEach(operatorFilter.getCheckModel()::check);
        });
        syncChecks(operatorFilter, model.operators());
        // others only ever see their own entries (core enforces it): the operator filter would only mislead
        operatorFilter.visibleProperty().bind(model.seesEveryoneProperty());
        operatorFilter.managedProperty().bind(operatorFilter.visibleProperty());
        verifyButton.visibleProperty().bind(model.seesEveryoneProperty());
        verifyButton.managedProperty().bind(verifyButton.visibleProperty());

        eventTypeFilter.setConverter(converter(Function.identity()));
        eventTypeFilter.getItems().setAll(HistoryExplorerViewModel.EVENT_TYPES);
        model.eventTypes().stream().filter(eventTypeFilter.getItems()::contains).toList().forEach(eventTypeFilter.getCheckModel()::check);
        syncChecks(eventTypeFilter, model.eventTypes());

        moveTypeFilter.setConverter(converter(Labels::of));
        moveTypeFilter.getItems().setAll(MoveType.values());
        model.moveTypes().forEach(moveTypeFilter.getCheckModel()::check);
        syncChecks(moveTypeFilter, model.moveTypes());

        statusFilter.setConverter(converter(Labels::of));
        statusFilter.getItems().setAll(MoveStatus.values());
        model.statuses().forEach(statusFilter.getCheckModel()::check);
        syncChecks(statusFilter, model.statuses());

        // a filter, not a handler: a date picker consumes Enter to commit what was typed; applying
        // just after that dispatch sees the committed date
        filterBar.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                Platform.runLater(this::apply);
            }
        });
    }

    private <T> void syncChecks(CheckComboBox<T> combo, ObservableSet<T> chosen) {
        combo.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> {
            chosen.clear();
            chosen.addAll(combo.getCheckModel().getCheckedItems());
        });
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    @FXML
    private void apply() {
        model.applyFilters();
        if (chartsTab.isSelected()) {
            charts.load(model.appliedFilter());
        }
    }

    @FXML
    private void clear() {
        locationFilter.getCheckModel().clearChecks();
        operatorFilter.getCheckModel().clearChecks();
        eventTypeFilter.getCheckModel().clearChecks();
        moveTypeFilter.getCheckModel().clearChecks();
        statusFilter.getCheckModel().clearChecks();
        model.clearFilters();
        if (chartsTab.isSelected()) {
            charts.load(model.appliedFilter());
        }
    }

    // ---- table ------------------------------------------------------------------------------

    private void bindTable() {
        historyTable.setItems(model.rows());
        historyTable.getColumns().setAll(List.of(
                Tables.text("when", "When", 150, e -> WHEN.format(e.occurredAt())),
                Tables.text("operator", "Operator", 90, ExplorerEntry::operator),
                Tables.text("event", "Event", 125, ExplorerEntry::eventType),
                syncColumn(),
                Tables.text("reference", "Reference", 90, ExplorerEntry::moveReference),
                Tables.text("prisonNumber", "Prison no.", 85, ExplorerEntry::prisonNumber),
                Tables.text("moveType", "Move type", 120, e -> Labels.of(e.moveType())),
                Tables.text("status", "Status", 90, e -> Labels.of(e.status())),
                Tables.text("desk", "Desk", 60, ExplorerEntry::deskId),
                Tables.text("notes", "Notes", 220, ExplorerEntry::notes)));
        // rows come newest first in core's keyset order; sorting one page of many would mislead
        historyTable.getColumns().forEach(column -> column.setSortable(false));
        TableMemory.remember(historyTable, settings, "history.table");
        historyTable.setPlaceholder(new Label("No history entries match. Change the filters and press Enter."));
        historyTable.setRowFactory(table -> {
            TableRow<ExplorerEntry> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    drill.open(row.getItem());
                }
            });
            return row;
        });
        historyTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && historyTable.getSelectionModel().getSelectedItem() != null) {
                drill.open(historyTable.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        historyError.textProperty().bind(model.errorProperty());
        historyError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        historyError.managedProperty().bind(historyError.visibleProperty());
        pageLabel.textProperty().bind(Bindings.format("Page %d", model.pageProperty().add(1)));
        previousPage.disableProperty().bind(model.pageProperty().lessThanOrEqualTo(0).or(model.loadingProperty()));
        nextPage.disableProperty().bind(model.hasNextProperty().not().or(model.loadingProperty()));
    }

    /** Offline vs. central as an icon with words next to it, so colour is never the only signal. */
    private TableColumn<ExplorerEntry, SyncState> syncColumn() {
        TableColumn<ExplorerEntry, SyncState> column = new TableColumn<>("Sync");
        column.setId("col-sync");
        column.setPrefWidth(185);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue().syncState()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(SyncState state, boolean empty) {
                super.updateItem(state, empty);
                if (empty || state == null) {
                    setGraphic(null);
                    setText(null);
                    setAccessibleText(null);
                    return;
                }
                Label badge = new Label(state.label(), Icons.of(icon(state)));
                badge.getStyleClass().addAll("sync-badge", "sync-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                badge.setAccessibleText(state.label());
                setGraphic(badge);
                setText(null);
                setAccessibleText(state.label());
            }
        });
        return column;
    }

    static String icon(SyncState state) {
        return switch (state) {
            case RECORDED_OFFLINE -> "mdal-cloud_upload";
            case CONFIRMED_CENTRALLY -> "mdal-cloud_done";
            case FAILED -> "mdal-error_outline";
            case CONFLICT -> "mdmz-warning";
            case DISCARDED -> "mdal-delete_outline";
            case FROM_CENTRAL -> "mdal-cloud_download";
            case LOCAL_ONLY -> "mdal-computer";
        };
    }

    @FXML
    private void previousPage() {
        model.previousPage();
    }

    @FXML
    private void nextPage() {
        model.nextPage();
    }

    // ---- drill-down -------------------------------------------------------------------------

    private void bindDrillDown() {
        drillTitle.textProperty().bind(drill.titleProperty());
        drillNote.textProperty().bind(drill.noteProperty());
        drillError.textProperty().bind(drill.errorProperty());
        drillError.visibleProperty().bind(drill.errorProperty().isNotEmpty());
        drillError.managedProperty().bind(drillError.visibleProperty());
        timelineTable.setItems(drill.lines());
        TableColumn<DrillDownViewModel.Line, String> source = Tables.text("source", "Source", 80, DrillDownViewModel.Line::sourceText);
        source.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeIf(s -> s.startsWith("source-"));
                if (empty || value == null || getTableRow() == null || getTableRow().getItem() == null) {
                    setText(null);
                    return;
                }
                setText(value);
                getStyleClass().add("source-" + getTableRow().getItem().source().name().toLowerCase(Locale.ROOT));
                setAccessibleText("Source: " + getTableRow().getItem().sourceDescription());
            }
        });
        timelineTable.getColumns().setAll(List.of(
                Tables.text("when", "When", 145, line -> WHEN.format(line.occurredAt())),
                Tables.text("event", "Event", 115, DrillDownViewModel.Line::event),
                source,
                Tables.text("by", "By", 80, DrillDownViewModel.Line::operator),
                Tables.text("sync", "Sync", 120, DrillDownViewModel.Line::syncState),
                Tables.text("notes", "Notes", 160, DrillDownViewModel.Line::notes)));
        TableMemory.remember(timelineTable, settings, "history.timeline");
        timelineTable.setPlaceholder(new Label("Select an entry and press Enter."));
        timelineTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> drill.select(now));
        drill.lines().addListener((ListChangeListener<DrillDownViewModel.Line>) change -> {
            if (!drill.lines().isEmpty()) {
                timelineTable.getSelectionModel().selectLast();
            }
        });
        changesTable.setItems(drill.changes());
        changesTable.getColumns().setAll(List.of(
                Tables.text("field", "Field", 120, FieldChange::field),
                Tables.text("before", "Before", 150, change -> change.before() == null ? "—" : change.before()),
                Tables.text("after", "After", 150, change -> change.after() == null ? "—" : change.after())));
        TableMemory.remember(changesTable, settings, "history.changes");
        changesTable.setPlaceholder(new Label("No field changed in this entry."));
    }

    // ---- charts -----------------------------------------------------------------------------

    private void bindCharts() {
        chartsLoading.visibleProperty().bind(charts.loadingProperty());
        chartsSummary.textProperty().bind(Bindings.when(charts.errorProperty().isNotEmpty())
                .then(charts.errorProperty()).otherwise("Charts for the filters applied to the table."));
        historyTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == chartsTab) {
                charts.load(model.appliedFilter());
            }
        });
        charts.dataProperty().addListener((obs, old, data) -> draw(data));
    }

    private void draw(HistoryChartsViewModel.ChartData data) {
        if (data == null) {
            return;
        }
        Map<MoveStatus, XYChart.Series<String, Number>> byStatus = new LinkedHashMap<>();
        for (MoveStatus status : MoveStatus.values()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(Labels.of(status));
            byStatus.put(status, series);
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
        for (DayStatusCount count : data.perDay()) {
            byStatus.get(count.status()).getData().add(new XYChart.Data<>(day.format(count.day()), count.moves()));
        }
        // categories in date order, not in the order the series happen to meet them
        ((javafx.scene.chart.CategoryAxis) perDayChart.getXAxis()).setCategories(javafx.collections.FXCollections.observableArrayList(
                data.perDay().stream().map(DayStatusCount::day).distinct().sorted().map(day::format).toList()));
        // every status keeps its series (and so its colour) even on days it has no moves
        perDayChart.getData().setAll(byStatus.values());

        XYChart.Series<String, Number> durations = new XYChart.Series<>();
        for (DurationStats.Bucket bucket : data.bookedToCompleted().buckets()) {
            durations.getData().add(new XYChart.Data<>(bucket.label(), bucket.moves()));
        }
        durationChart.getData().setAll(List.of(durations));
        DurationStats taken = data.bookedToCompleted();
        durationChart.getXAxis().setLabel("Time taken (" + taken.moves() + " moves)"
                + (taken.p50() == null ? "" : "\nmedian " + humane(taken.p50()) + " · p95 " + humane(taken.p95())));

        // one series, the kind in the label: two coloured series would need a legend to be understood
        XYChart.Series<Number, String> reasons = new XYChart.Series<>();
        for (ReasonCount reason : data.reasons()) {
            reasons.getData().add(new XYChart.Data<>(reason.moves(), capitalise(reason.kind()) + ": " + readable(reason.reason())));
        }
        reasonsChart.getData().setAll(List.of(reasons));
        locationChart.getData().setAll(List.of(bars(data.perLocation())));
        operatorChart.getData().setAll(List.of(bars(data.perOperator())));
        slimBars(reasonsChart, data.reasons().size());
        slimBars(locationChart, Math.min(12, data.perLocation().size()));
        slimBars(operatorChart, Math.min(12, data.perOperator().size()));
    }

    /** A single category would otherwise fill the whole plot with one slab of colour. */
    private static void slimBars(BarChart<Number, String> chart, int categories) {
        chart.setCategoryGap(Math.min(110, Math.max(4, 150.0 / Math.max(1, categories) - 30)));
    }

    private static XYChart.Series<Number, String> bars(List<LabelCount> counts) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        counts.stream().limit(12).forEach(c -> series.getData().add(new XYChart.Data<>(c.entries(), c.label())));
        return series;
    }

    private static String readable(String apiValue) {
        return apiValue == null ? "(no reason)" : capitalise(apiValue.replace('_', ' '));
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String humane(java.time.Duration d) {
        if (d == null) {
            return "–";
        }
        if (d.toMinutes() < 1) {
            return "<1 min";
        }
        if (d.toDays() >= 1) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }

    // ---- exports, print, verify -------------------------------------------------------------

    private void bindWork() {
        workBar.visibleProperty().bind(model.workingProperty().or(model.workMessageProperty().isNotEmpty()));
        workBar.managedProperty().bind(workBar.visibleProperty());
        workProgress.progressProperty().bind(model.workProgressProperty());
        workProgress.visibleProperty().bind(model.workingProperty());
        workMessage.textProperty().bind(model.workMessageProperty());
        cancelWork.visibleProperty().bind(model.workingProperty());
        cancelWork.managedProperty().bind(cancelWork.visibleProperty());
        exportCsvButton.disableProperty().bind(model.workingProperty());
        exportPdfButton.disableProperty().bind(model.workingProperty());
        verifyButton.disableProperty().bind(model.workingProperty());
    }

    @FXML
    private void exportCsv() {
        targets.choose("Export history to CSV", "movedesk-history.csv", "CSV files", "csv")
                .ifPresent(path -> model.exportCsv(path, result -> { }));
    }

    @FXML
    private void exportPdf() {
        Optional<java.nio.file.Path> target = targets.choose("Save the history report", "movedesk-history-report.pdf",
                "PDF files", "pdf");
        if (target.isEmpty()) {
            return;
        }
        // the charts must be drawn for the applied filter before their pictures are taken
        historyTabs.getSelectionModel().select(chartsTab);
        charts.load(model.appliedFilter(), () -> Platform.runLater(() -> {
            historyRoot.applyCss();
            historyRoot.layout();
            Map<String, byte[]> images = new HashMap<>();
            images.put(HistoryPdfReport.CHART_OPERATORS, ChartImages.png(operatorChart));
            images.put(HistoryPdfReport.CHART_LOCATIONS, ChartImages.png(locationChart));
            images.put(HistoryPdfReport.CHART_REASONS, ChartImages.png(reasonsChart));
            images.put(HistoryPdfReport.CHART_BOOKED_TO_COMPLETED, ChartImages.png(durationChart));
            model.exportPdf(target.get(), images, result -> { });
        }));
    }

    @FXML
    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null || Printer.getDefaultPrinter() == null) {
            dialogs.showError("No printer",
                    "No printer is set up on this computer, so nothing was printed. "
                            + "Save a PDF report instead (Ctrl+Shift+P) and print it where a printer is available.");
            return;
        }
        Node page = chartsTab.isSelected() ? chartsTab.getContent() : historyTable;
        if (!job.showPrintDialog(historyRoot.getScene().getWindow())) {
            job.cancelJob();
            return;
        }
        PageLayout layout = job.getPrinter().createPageLayout(Paper.A4, PageOrientation.LANDSCAPE, Printer.MarginType.DEFAULT);
        double scale = Math.min(1.0, Math.min(layout.getPrintableWidth() / page.getBoundsInParent().getWidth(),
                layout.getPrintableHeight() / page.getBoundsInParent().getHeight()));
        Scale fit = new Scale(scale, scale);
        page.getTransforms().add(fit);
        try {
            boolean printed = job.printPage(layout, page);
            if (printed) {
                job.endJob();
            } else {
                dialogs.showError("Printing failed", "The printer did not accept the page. Check it and try again.");
            }
        } finally {
            page.getTransforms().remove(fit);
        }
    }

    @FXML
    private void verify() {
        model.verify(report -> {
            if (report.intact()) {
                dialogs.showInfo("History verified", HistoryExplorerViewModel.describe(report));
            } else {
                dialogs.showError("History has been tampered with", HistoryExplorerViewModel.describe(report));
            }
        });
    }

    @FXML
    private void cancelWork() {
        model.cancelWork();
    }

    // ---- keyboard -----------------------------------------------------------------------------

    private void installKeys() {
        key("Shortcut+E", "Export the filtered history to CSV", this::exportCsv);
        key("Shortcut+Shift+P", "Save a PDF report of the filtered history", this::exportPdf);
        key("Shortcut+P", "Print the table or charts shown", this::print);
        key("Shortcut+Shift+V", "Verify history (tamper check)", () -> {
            if (model.seesEveryoneProperty().get()) {
                verify();
            }
        });
        key("Shortcut+Page_Up", "Previous page of history", model::previousPage);
        key("Shortcut+Page_Down", "Next page of history", model::nextPage);
        key("Shortcut+Shift+C", "Show the charts", () -> historyTabs.getSelectionModel().select(chartsTab));
        key("Shortcut+Shift+E", "Show the entries", () -> historyTabs.getSelectionModel().select(entriesTab));
        shortcuts.add(AREA, "Enter", "Apply the filters (in the filter bar); open the timeline (in the table)");
        key("Shortcut+Period", "Cancel the export, report or check that is running", () -> {
            if (model.workingProperty().get()) {
                model.cancelWork();
            }
        });
        shortcuts.add(AREA, "Esc", "Clear every filter; while an export, report or check runs, cancel it");
        historyRoot.addEventFilter(KeyEvent.KEY_PRESSED, event -> keys.entrySet().stream()
                .filter(entry -> entry.getKey().match(event)).findFirst().ifPresent(entry -> {
                    entry.getValue().run();
                    event.consume();
                }));
        historyRoot.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && model.workingProperty().get()) {
                model.cancelWork();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                clear();
                event.consume();
            }
        });
    }

    private void key(String combination, String description, Runnable action) {
        keys.put(shortcuts.add(AREA, combination, description), action);
    }

    @Override
    public void onShow(Object argument) {
        model.refreshVisibility();
        if (!choicesLoaded) {
            choicesLoaded = true;
            model.loadChoices();
        }
        model.applyFilters();
        if (argument instanceof UUID moveId) {
            drill.openMove(moveId, null);
        }
    }

    @Override
    public Node initialFocus() {
        return historyTable;
    }
}
