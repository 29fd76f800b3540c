package org.movedesk.ui.statusbar;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;

import org.controlsfx.control.StatusBar;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.ui.common.Icons;

/** Thin controller: the ControlsFX status bar bound to {@link StatusBarViewModel}. */
@Component
@Scope("prototype")
public class StatusBarView {

    private final StatusBarViewModel model;

    @FXML private StatusBar statusBar;

    public StatusBarView(StatusBarViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        statusBar.textProperty().bind(Bindings.when(model.activityProperty().isEmpty())
                .then("Ready").otherwise(model.activityProperty()));
        statusBar.progressProperty().bind(Bindings.when(model.activityProperty().isEmpty())
                .then(0.0).otherwise(model.progressProperty()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelActivity");
        cancel.getStyleClass().addAll("small", "flat");
        cancel.visibleProperty().bind(model.cancellableBinding());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> model.cancelActivity());
        statusBar.getLeftItems().add(cancel);

        Label online = label("syncOnline", "mdmz-wifi");
        online.textProperty().bind(model.onlineTextProperty());
        online.graphicProperty().bind(Bindings.when(model.onlineProperty())
                .then(Icons.of("mdmz-wifi")).otherwise(Icons.of("mdmz-wifi_off")));
        Label pending = label("syncPending", "mdmz-schedule");
        pending.textProperty().bind(Bindings.format("Pending %d", model.pendingProperty()));
        pending.setTooltip(new Tooltip("Local changes waiting to be sent to the central services"));
        Label failed = label("syncFailed", "mdal-error_outline");
        failed.textProperty().bind(Bindings.format("Failed %d", model.failedProperty()));
        failed.setTooltip(new Tooltip("Changes the central services refused: open the dashboard's attention list"));
        failed.styleProperty().bind(Bindings.when(model.failedProperty().greaterThan(0))
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));
        Label conflicts = label("syncConflicts", "mdal-call_split");
        conflicts.textProperty().bind(Bindings.format("Conflicts %d", model.conflictsProperty()));
        conflicts.styleProperty().bind(Bindings.when(model.conflictsProperty().greaterThan(0))
                .then("-fx-text-fill: -color-warning-fg;").otherwise(""));
        Label last = label("syncLast", "mdmz-sync");
        last.textProperty().bind(model.lastSyncTextProperty());
        statusBar.getRightItems().addAll(online, new Separator(javafx.geometry.Orientation.VERTICAL),
                pending, failed, conflicts, new Separator(javafx.geometry.Orientation.VERTICAL), last);
        model.refresh();
    }

    private static Label label(String id, String icon) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-item");
        label.setGraphic(Icons.of(icon));
        label.accessibleTextProperty().bind(label.textProperty());
        return label;
    }
}
