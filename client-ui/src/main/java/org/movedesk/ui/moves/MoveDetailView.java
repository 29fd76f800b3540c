package org.movedesk.ui.moves;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.core.moves.MoveAction;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.shell.Navigator;
import org.movedesk.ui.shell.RouteAware;

/**
 * Thin controller of a move's detail. One button per allowed action (Alt+letter each); every
 * action is confirmed in an {@link ActionDialog} before core is called.
 */
@Component
@Scope("prototype")
public class MoveDetailView implements RouteAware {

    private static final String AREA = "Move detail";
    /** Button text with its mnemonic: Alt+letter runs the action. */
    static final Map<MoveAction, String> BUTTON_TEXT = Map.of(
            MoveAction.ACCEPT, "_Accept",
            MoveAction.START, "_Start",
            MoveAction.COMPLETE, "C_omplete",
            MoveAction.CANCEL, "Cance_l move",
            MoveAction.REJECT, "_Reject",
            MoveAction.APPROVE, "A_pprove",
            MoveAction.LOCKOUT, "Loc_kout",
            MoveAction.REDIRECT, "Re_direct");

    private final MoveDetailViewModel model;
    private final Navigator navigator;
    private final ActionDialog dialogs;

    @FXML private VBox detailRoot;
    @FXML private Label moveTitle;
    @FXML private Label movePerson;
    @FXML private Label moveRoute;
    @FXML private Label moveWhen;
    @FXML private Label moveStatus;
    @FXML private Label moveNotesText;
    @FXML private Label moveSync;
    @FXML private FlowPane actionButtons;
    @FXML private Label noActions;
    @FXML private Label actionDone;
    @FXML private Label detailError;
    @FXML private ListView<MoveDetailViewModel.TimelineItem> timelineList;

    public MoveDetailView(MoveDetailViewModel model, Navigator navigator, ActionDialog dialogs, Shortcuts shortcuts) {
        this.model = model;
        this.navigator = navigator;
        this.dialogs = dialogs;
        BUTTON_TEXT.forEach((action, text) -> shortcuts.add(AREA, "Alt+" + mnemonic(text),
                MoveDetailViewModel.describe(action) + " (when allowed)"));
        shortcuts.add(AREA, "Escape", "Back to the list");
    }

    private static String mnemonic(String text) {
        return String.valueOf(Character.toUpperCase(text.charAt(text.indexOf('_') + 1)));
    }

    @FXML
    private void initialize() {
        moveTitle.textProperty().bind(model.titleProperty());
        movePerson.textProperty().bind(model.personProperty());
        moveRoute.textProperty().bind(model.routeProperty());
        moveWhen.textProperty().bind(model.whenProperty());
        moveStatus.textProperty().bind(model.statusProperty());
        moveNotesText.textProperty().bind(model.notesProperty());
        moveSync.textProperty().bind(model.syncStateProperty());
        actionDone.textProperty().bind(model.doneProperty());
        actionDone.visibleProperty().bind(model.doneProperty().isNotEmpty());
        actionDone.managedProperty().bind(actionDone.visibleProperty());
        detailError.textProperty().bind(model.errorProperty());
        detailError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        detailError.managedProperty().bind(detailError.visibleProperty());
        actionButtons.disableProperty().bind(model.busyProperty());
        model.allowedActions().addListener((ListChangeListener<MoveAction>) change -> rebuildActions());
        timelineList.setItems(model.timeline());
        timelineList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(MoveDetailViewModel.TimelineItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else {
                    setText(item.whenText() + "   " + item.what() + "   by " + item.who()
                            + (item.detail() == null || item.detail().isBlank() ? "" : "\n" + item.detail()));
                }
            }
        });
        detailRoot.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                navigator.back();
                event.consume();
            }
        });
        rebuildActions();
    }

    private void rebuildActions() {
        actionButtons.getChildren().clear();
        for (MoveAction action : model.allowedActions()) {
            Button button = new Button(BUTTON_TEXT.get(action));
            button.setMnemonicParsing(true);
            button.setId("action-" + action.name().toLowerCase());
            button.setAccessibleText(MoveDetailViewModel.describe(action));
            if (action == MoveAction.CANCEL || action == MoveAction.REJECT) {
                button.getStyleClass().add("danger");
            } else if (action == MoveAction.ACCEPT || action == MoveAction.START || action == MoveAction.COMPLETE
                    || action == MoveAction.APPROVE) {
                button.getStyleClass().add("accent");
            }
            button.setOnAction(event -> ask(action));
            actionButtons.getChildren().add(button);
        }
        boolean none = model.allowedActions().isEmpty();
        noActions.setVisible(none);
        noActions.setManaged(none);
    }

    private void ask(MoveAction action) {
        Optional<MoveDetailViewModel.ActionInput> input = dialogs.ask(action, model.titleProperty().get());
        input.ifPresent(chosen -> model.perform(action, chosen));
    }

    @FXML
    private void back() {
        navigator.back();
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    @Override
    public void onShow(Object argument) {
        if (argument instanceof UUID id) {
            model.load(id);
        } else if (model.moveIdProperty().get() != null) {
            model.load(model.moveIdProperty().get());
        }
    }

    @Override
    public Node initialFocus() {
        return actionButtons.getChildren().isEmpty() ? timelineList : actionButtons.getChildren().get(0);
    }
}
