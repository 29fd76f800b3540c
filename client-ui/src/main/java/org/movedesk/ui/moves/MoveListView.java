package org.movedesk.ui.moves;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.CustomTextField;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.core.moves.MoveRow;
import org.movedesk.core.moves.MoveSort;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.ui.common.DateFields;
import org.movedesk.ui.common.Icons;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.shell.Navigator;
import org.movedesk.ui.shell.RouteAware;

/**
 * Thin controller of the move list. The table is a virtualised tree table: flat rows, or
 * rows under one header per destination. Column order, widths and visibility are remembered.
 */
@Component
@Scope("prototype")
public class MoveListView implements RouteAware {

    private static final String AREA = "Moves";

    /** A line of the table: a move, or a destination header. */
    public record Line(MoveRow row, String header) {
        static Line of(MoveRow row) {
            return new Line(row, null);
        }
    }

    private final MoveListViewModel model;
    private final Navigator navigator;
    private final Shortcuts shortcuts;
    private final UiSettings settings;
    private final Map<KeyCombination, Runnable> keys = new HashMap<>();
    private final PauseTransition searchPause = new PauseTransition(Duration.millis(250));
    private boolean updatingControls;

    @FXML private VBox moveListRoot;
    @FXML private Button bookButton;
    @FXML private DatePicker anchorDate;
    @FXML private SegmentedButton periodButtons;
    @FXML private ToggleButton dayToggle;
    @FXML private ToggleButton weekToggle;
    @FXML private CustomTextField searchField;
    @FXML private CheckComboBox<MoveStatus> statusFilter;
    @FXML private CheckComboBox<MoveType> typeFilter;
    @FXML private CheckBox onlyMine;
    @FXML private CheckBox groupByDestination;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label summaryLabel;
    @FXML private Label listError;
    @FXML private TreeTableView<Line> moveTable;
    @FXML private Button previousPage;
    @FXML private Button nextPage;
    @FXML private Label pageLabel;

    public MoveListView(MoveListViewModel model, Navigator navigator, Shortcuts shortcuts, UiSettings settings) {
        this.model = model;
        this.navigator = navigator;
        this.shortcuts = shortcuts;
        this.settings = settings;
    }

    @FXML
    private void initialize() {
        bookButton.setGraphic(Icons.of("mdal-add"));
        searchField.setLeft(Icons.of("mdmz-search"));
        DateFields.ukFormat(anchorDate);
        anchorDate.valueProperty().bindBidirectional(model.anchorProperty());
        anchorDate.valueProperty().addListener((obs, old, now) -> {
            if (!updatingControls && now != null) {
                model.applyFilters();
            }
        });
        dayToggle.setSelected(model.periodProperty().get() == MoveListViewModel.Period.DAY);
        weekToggle.setSelected(model.periodProperty().get() == MoveListViewModel.Period.WEEK);
        periodButtons.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            model.periodProperty().set(now == weekToggle ? MoveListViewModel.Period.WEEK : MoveListViewModel.Period.DAY);
            model.applyFilters();
        });

        searchField.textProperty().bindBidirectional(model.searchProperty());
        searchPause.setOnFinished(event -> model.applyFilters());
        searchField.textProperty().addListener((obs, old, now) -> searchPause.playFromStart());
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                searchPause.stop();
                model.applyFilters();
                moveTable.requestFocus();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                searchField.clear();
                event.consume();
            }
        });

        setUpCheckCombo(statusFilter, MoveStatus.values(), model.statuses());
        setUpCheckCombo(typeFilter, MoveType.values(), model.types());
        onlyMine.selectedProperty().bindBidirectional(model.onlyMyLocationsProperty());
        onlyMine.selectedProperty().addListener((obs, old, now) -> model.applyFilters());
        groupByDestination.selectedProperty().bindBidirectional(model.groupByDestinationProperty());
        groupByDestination.selectedProperty().addListener((obs, old, now) -> {
            model.applyFilters();
            fillTable();
        });

        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        listError.textProperty().bind(model.errorProperty());
        listError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        listError.managedProperty().bind(listError.visibleProperty());
        pageLabel.textProperty().bind(javafx.beans.binding.Bindings.format("Page %d of %d",
                model.pageProperty().add(1), model.pageCountProperty()));
        previousPage.disableProperty().bind(model.pageProperty().lessThanOrEqualTo(0));
        nextPage.disableProperty().bind(model.pageProperty().greaterThanOrEqualTo(model.pageCountProperty().subtract(1)));

        buildColumns();
        model.rows().addListener((ListChangeListener<MoveRow>) change -> fillTable());
        moveTable.setRowFactory(table -> {
            TreeTableRow<Line> row = new TreeTableRow<>() {
                @Override
                protected void updateItem(Line line, boolean empty) {
                    super.updateItem(line, empty);
                    getStyleClass().remove("group-row");
                    if (!empty && line != null && line.header() != null) {
                        getStyleClass().add("group-row");
                    }
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        moveTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                TreeItem<Line> selected = moveTable.getSelectionModel().getSelectedItem();
                if (selected != null) {
                    open(selected.getValue());
                    event.consume();
                }
            }
        });
        moveTable.setPlaceholder(new Label("No moves match. Change the date, the filters or the search."));

        key("Shortcut+F", "Search moves", () -> searchField.requestFocus());
        key("Shortcut+Left", "Previous day or week", model::previousPeriod);
        key("Shortcut+Right", "Next day or week", model::nextPeriod);
        key("Shortcut+T", "Today", model::today);
        key("Shortcut+D", "Show one day", () -> dayToggle.setSelected(true));
        key("Shortcut+W", "Show a week", () -> weekToggle.setSelected(true));
        key("Shortcut+G", "Group by destination on/off", () -> groupByDestination.setSelected(!groupByDestination.isSelected()));
        key("Shortcut+Page_Up", "Previous page", this::previousPage);
        key("Shortcut+Page_Down", "Next page", this::nextPage);
        shortcuts.add(AREA, "Enter", "Open the selected move");
        moveListRoot.addEventFilter(KeyEvent.KEY_PRESSED, event -> keys.entrySet().stream()
                .filter(entry -> entry.getKey().match(event)).findFirst().ifPresent(entry -> {
                    entry.getValue().run();
                    event.consume();
                }));
    }

    private void key(String combination, String description, Runnable action) {
        keys.put(shortcuts.add(AREA, combination, description), action);
    }

    private <E extends Enum<E>> void setUpCheckCombo(CheckComboBox<E> combo, E[] values, javafx.collections.ObservableSet<E> chosen) {
        combo.getItems().setAll(values);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return Labels.of(value);
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        });
        for (E value : chosen) {
            combo.getCheckModel().check(value);
        }
        combo.getCheckModel().getCheckedItems().addListener((ListChangeListener<E>) change -> {
            chosen.clear();
            chosen.addAll(combo.getCheckModel().getCheckedItems());
            model.applyFilters();
        });
    }

    private static final Map<String, MoveSort.Column> SORT_COLUMNS = Map.of(
            "col-reference", MoveSort.Column.REFERENCE, "col-date", MoveSort.Column.DATE, "col-time", MoveSort.Column.TIME,
            "col-status", MoveSort.Column.STATUS, "col-type", MoveSort.Column.TYPE,
            "col-prisonNumber", MoveSort.Column.PRISON_NUMBER, "col-name", MoveSort.Column.NAME,
            "col-from", MoveSort.Column.FROM, "col-to", MoveSort.Column.TO, "col-sync", MoveSort.Column.SYNC);

    private void buildColumns() {
        List<TreeTableColumn<Line, ?>> columns = new ArrayList<>();
        columns.add(text("reference", "Reference", 105, line -> line.header() != null ? line.header() : line.row().reference()));
        columns.add(text("date", "Date", 108, line -> line.row() == null ? "" : Labels.shortDay(line.row().date())));
        columns.add(text("time", "Time", 55, line -> line.row() == null ? "" : Labels.time(line.row().timeDue())));
        TreeTableColumn<Line, MoveStatus> status = new TreeTableColumn<>("Status");
        status.setId("col-status");
        status.setPrefWidth(115);
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().getValue().row() == null ? null : cell.getValue().getValue().row().status()));
        status.setCellFactory(column -> new javafx.scene.control.TreeTableCell<>() {
            @Override
            protected void updateItem(MoveStatus value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                    setText(null);
                } else {
                    Label chip = new Label(Labels.of(value));
                    chip.getStyleClass().addAll("status-chip", "status-" + value.name().toLowerCase());
                    setGraphic(chip);
                    setText(null);
                }
            }
        });
        columns.add(status);
        columns.add(text("type", "Type", 135, line -> line.row() == null ? "" : Labels.of(line.row().moveType())));
        columns.add(text("prisonNumber", "Prison no.", 95, line -> line.row() == null ? "" : line.row().prisonNumber()));
        columns.add(text("name", "Name", 165, line -> line.row() == null ? "" : line.row().personName()));
        columns.add(text("from", "From", 170, line -> line.row() == null ? "" : line.row().fromTitle()));
        columns.add(text("to", "To", 180, line -> line.row() == null ? "" : line.row().toTitle()));
        columns.add(text("sync", "Sync", 70, line -> line.row() == null ? "" : line.row().pendingSync() ? "Pending" : "Sent"));
        moveTable.getColumns().setAll(columns);
        // a header click asks core for the whole filtered list in that order (not just this page re-sorted)
        moveTable.setSortPolicy(table -> {
            var order = table.getSortOrder();
            TreeTableColumn<Line, ?> first = order.isEmpty() ? null : order.get(0);
            MoveSort.Column column = first == null ? null : SORT_COLUMNS.get(first.getId());
            model.sortBy(column == null ? MoveSort.DEFAULT
                    : new MoveSort(column, first.getSortType() == TreeTableColumn.SortType.DESCENDING));
            return true;
        });
        ColumnMemory.restore(moveTable, settings, "moves.table");
        ColumnMemory.rememberChanges(moveTable, settings, "moves.table");
    }

    private static TreeTableColumn<Line, String> text(String id, String title, double width, Function<Line, String> value) {
        TreeTableColumn<Line, String> column = new TreeTableColumn<>(title);
        column.setId("col-" + id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                Optional.ofNullable(value.apply(cell.getValue().getValue())).orElse("")));
        return column;
    }

    private void fillTable() {
        TreeItem<Line> root = new TreeItem<>(new Line(null, "all"));
        if (model.groupByDestinationProperty().get()) {
            for (MoveListViewModel.Group group : model.groups()) {
                TreeItem<Line> header = new TreeItem<>(new Line(null,
                        group.destination() + " (" + group.rows().size() + ")"));
                header.setExpanded(true);
                group.rows().forEach(row -> header.getChildren().add(new TreeItem<>(Line.of(row))));
                root.getChildren().add(header);
            }
        } else {
            model.rows().forEach(row -> root.getChildren().add(new TreeItem<>(Line.of(row))));
        }
        moveTable.setRoot(root);
    }

    private void open(Line line) {
        if (line != null && line.row() != null) {
            navigator.show(MovesFeature.DETAIL, line.row().id());
        }
    }

    @FXML
    private void book() {
        navigator.show(MovesFeature.BOOK);
    }

    @FXML
    private void previous() {
        model.previousPeriod();
    }

    @FXML
    private void next() {
        model.nextPeriod();
    }

    @FXML
    private void today() {
        model.today();
    }

    @FXML
    private void previousPage() {
        model.goToPage(model.pageProperty().get() - 1);
    }

    @FXML
    private void nextPage() {
        model.goToPage(model.pageProperty().get() + 1);
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    @Override
    public void onShow(Object argument) {
        model.load();
    }

    @Override
    public Node initialFocus() {
        return moveTable;
    }

    /** For tests. */
    public TreeTableView<Line> table() {
        return moveTable;
    }
}
