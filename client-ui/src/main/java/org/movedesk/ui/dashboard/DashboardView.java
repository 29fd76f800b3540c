package org.movedesk.ui.dashboard;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.core.moves.MoveRow;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.moves.MovesFeature;
import org.movedesk.ui.shell.Navigator;
import org.movedesk.ui.shell.RouteAware;

/** Thin controller of the dashboard. */
@Component
@Scope("prototype")
public class DashboardView implements RouteAware {

    private final DashboardViewModel model;
    private final Navigator navigator;

    @FXML private VBox dashboardRoot;
    @FXML private Label dashboardHeading;
    @FXML private Button dashboardBook;
    @FXML private HBox countCards;
    @FXML private Label dashboardNote;
    @FXML private Label dashboardError;
    @FXML private TableView<MoveRow> outgoingTable;
    @FXML private TableView<MoveRow> incomingTable;
    @FXML private ListView<DashboardViewModel.AttentionItem> attentionList;

    public DashboardView(DashboardViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        dashboardHeading.textProperty().bind(model.headingProperty());
        dashboardNote.textProperty().bind(model.noteProperty());
        dashboardNote.visibleProperty().bind(model.noteProperty().isNotEmpty());
        dashboardNote.managedProperty().bind(dashboardNote.visibleProperty());
        dashboardError.textProperty().bind(model.errorProperty());
        dashboardError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        dashboardError.managedProperty().bind(dashboardError.visibleProperty());
        for (MoveStatus status : MoveStatus.values()) {
            Label count = new Label("0");
            count.getStyleClass().add("count");
            count.setId("count-" + status.name().toLowerCase());
            Label label = new Label(Labels.of(status));
            label.getStyleClass().add("count-label");
            VBox card = new VBox(2, count, label);
            card.getStyleClass().addAll("card", "count-card", "status-" + status.name().toLowerCase());
            card.setMinWidth(110);
            card.setAccessibleText(Labels.of(status) + " today");
            countCards.getChildren().add(card);
        }
        model.counts().addListener((MapChangeListener<MoveStatus, Long>) change -> {
            if (change.wasAdded()) {
                Node count = countCards.lookup("#count-" + change.getKey().name().toLowerCase());
                if (count instanceof Label label) {
                    label.setText(String.valueOf(change.getValueAdded()));
                }
            }
        });
        setUp(outgoingTable, "To", MoveRow::toTitle);
        setUp(incomingTable, "From", MoveRow::fromTitle);
        outgoingTable.setItems(model.outgoing());
        incomingTable.setItems(model.incoming());
        outgoingTable.setPlaceholder(new Label("Nothing going out today."));
        incomingTable.setPlaceholder(new Label("Nothing coming in today."));
        attentionList.setItems(model.attention());
        attentionList.setPlaceholder(new Label("Nothing needs attention."));
        attentionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DashboardViewModel.AttentionItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.kind() + ": " + item.what()
                        + (item.detail().isBlank() ? "" : "\n" + item.detail()));
                getStyleClass().remove("error-text");
                if (!empty && item != null && item.kind().equals("Failed")) {
                    getStyleClass().add("error-text");
                }
            }
        });
    }

    private void setUp(TableView<MoveRow> table, String otherEnd, Function<MoveRow, String> other) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Time", 55, row -> Labels.time(row.timeDue())));
        table.getColumns().add(column("Prison no.", 95, MoveRow::prisonNumber));
        table.getColumns().add(column("Name", 150, MoveRow::personName));
        table.getColumns().add(column(otherEnd, 160, other));
        table.getColumns().add(column("Status", 90, row -> Labels.of(row.status())));
        table.setRowFactory(view -> {
            TableRow<MoveRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null) {
                    navigator.show(MovesFeature.DETAIL, row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            MoveRow selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                navigator.show(MovesFeature.DETAIL, selected.id());
                event.consume();
            }
        });
    }

    private static TableColumn<MoveRow, String> column(String title, double width, Function<MoveRow, String> value) {
        TableColumn<MoveRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 90));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    @FXML
    private void book() {
        navigator.show(MovesFeature.BOOK);
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    @Override
    public void onShow(Object argument) {
        model.refresh();
    }

    @Override
    public Node initialFocus() {
        return outgoingTable;
    }
}
