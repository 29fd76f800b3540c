package org.movedesk.ui.moves;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.controlsfx.control.SearchableComboBox;
import org.springframework.stereotype.Component;

import org.movedesk.core.locations.Location;
import org.movedesk.core.locations.LocationService;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.TaskHandle;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.MoveAction;
import org.movedesk.core.moves.RejectionReason;
import org.movedesk.ui.common.DialogService;
import org.movedesk.ui.common.DateFields;
import org.movedesk.ui.common.FxDialogService;
import org.movedesk.ui.common.Labels;

/**
 * The confirmation dialog of a move action, with the fields that action needs: a reason list
 * for cancel and reject (and "rebook" for reject), a date for approve, a destination for
 * redirect, and notes for all. The confirm button stays disabled until the required field is
 * filled; Enter confirms, Escape cancels.
 */
@Component
public class ActionDialog {

    private final DialogService dialogs;
    private final LocationService locations;
    private final TaskRunner tasks;
    private final javafx.stage.Stage stage;

    public ActionDialog(DialogService dialogs, LocationService locations, TaskRunner tasks, javafx.stage.Stage primaryStage) {
        this.dialogs = dialogs;
        this.locations = locations;
        this.tasks = tasks;
        this.stage = primaryStage;
    }

    public Optional<MoveDetailViewModel.ActionInput> ask(MoveAction action, String moveTitle) {
        Dialog<MoveDetailViewModel.ActionInput> dialog = new Dialog<>();
        ButtonType confirm = new ButtonType(MoveDetailViewModel.describe(action), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        if (dialogs instanceof FxDialogService fx) {
            fx.prepare(dialog, MoveDetailViewModel.describe(action));
        } else {
            dialog.setTitle(MoveDetailViewModel.describe(action));
            Window owner = stage;
            dialog.initOwner(owner);
        }
        dialog.setHeaderText(MoveDetailViewModel.describe(action) + ": " + moveTitle + "?");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        ComboBox<CancellationReason> cancelReason = null;
        ComboBox<RejectionReason> rejectReason = null;
        CheckBox rebook = null;
        DatePicker date = null;
        SearchableComboBox<Location> destination = null;
        TaskHandle loading = null;
        Node required = null;
        if (action == MoveAction.CANCEL) {
            cancelReason = combo("cancelReason", CancellationReason.values());
            form.addRow(row++, new Label("Reason"), cancelReason);
            required = cancelReason;
        } else if (action == MoveAction.REJECT) {
            rejectReason = combo("rejectReason", RejectionReason.values());
            form.addRow(row++, new Label("Reason"), rejectReason);
            rebook = new CheckBox("Rebook as a proposed move in 7 days");
            rebook.setId("rebook");
            form.add(rebook, 1, row++);
            required = rejectReason;
        } else if (action == MoveAction.APPROVE) {
            date = new DatePicker(LocalDate.now());
            date.setId("approveDate");
            DateFields.ukFormat(date);
            form.addRow(row++, new Label("Date"), date);
        } else if (action == MoveAction.REDIRECT) {
            destination = new SearchableComboBox<>();
            destination.setId("redirectTo");
            destination.setAccessibleText("New destination, type to search");
            loading = loadDestinations(destination);
            destination.setConverter(new StringConverter<>() {
                @Override
                public String toString(Location location) {
                    return location == null ? "" : location.getTitle();
                }

                @Override
                public Location fromString(String text) {
                    return null;
                }
            });
            destination.setPrefWidth(320);
            form.addRow(row++, new Label("New destination"), destination);
            required = destination;
        }
        TextArea notes = new TextArea();
        notes.setId("actionNotes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.setAccessibleText("Notes, optional");
        notes.setPromptText(action == MoveAction.CANCEL ? "comment (optional)" : "notes (optional)");
        form.addRow(row, new Label(action == MoveAction.CANCEL ? "Comment" : "Notes"), notes);
        dialog.getDialogPane().setContent(form);

        Node confirmButton = dialog.getDialogPane().lookupButton(confirm);
        if (required instanceof ComboBox<?> box) {
            confirmButton.disableProperty().bind(box.valueProperty().isNull());
        }
        Node focus = required != null ? required : notes;
        Platform.runLater(focus::requestFocus);

        ComboBox<CancellationReason> chosenCancel = cancelReason;
        ComboBox<RejectionReason> chosenReject = rejectReason;
        CheckBox chosenRebook = rebook;
        DatePicker chosenDate = date;
        SearchableComboBox<Location> chosenDestination = destination;
        dialog.setResultConverter(button -> button != confirm ? null : new MoveDetailViewModel.ActionInput(
                notes.getText(),
                chosenCancel == null ? null : chosenCancel.getValue(),
                chosenReject == null ? null : chosenReject.getValue(),
                chosenRebook != null && chosenRebook.isSelected(),
                chosenDate == null ? null : chosenDate.getValue(),
                chosenDestination == null || chosenDestination.getValue() == null ? null : chosenDestination.getValue().getId()));
        try {
            return dialog.showAndWait();
        } finally {
            if (loading != null) {
                loading.cancel();
            }
        }
    }

    /**
     * The store's locations are read in the background (thousands of rows must not freeze the
     * window); the picker says so meanwhile and tells what went wrong if the read fails.
     */
    private TaskHandle loadDestinations(SearchableComboBox<Location> destination) {
        destination.setPromptText("Loading locations\u2026");
        destination.setDisable(true);
        return tasks.run(BackgroundTask.of("Loading locations", progress -> locations.search("", null, 5000).stream()
                        .filter(Location::isActive).toList())
                .quiet()
                .onSuccess(found -> {
                    destination.getItems().setAll(found);
                    destination.setPromptText("type to search locations");
                    destination.setDisable(false);
                    destination.requestFocus();
                })
                .onFailure(failure -> destination.setPromptText("Locations could not be read: "
                        + ErrorMessages.forUser(failure))));
    }

    private static <E extends Enum<E>> ComboBox<E> combo(String id, E[] values) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(Arrays.asList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return Labels.of(value);
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        });
        box.setPrefWidth(320);
        box.setAccessibleText("Reason");
        return box;
    }
}
