package org.movedesk.ui.common;

import java.util.List;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * A small form in a dialog (change a prison, migrate a patient in, create an operator), built
 * the same way as {@link FxDialogService}'s dialogs: owned by the main window, the app's
 * stylesheets, {@code #dialogConfirm} as the default button (Enter) and {@code #dialogCancel}
 * as the cancel button (Escape). The confirm button stays disabled while the form is not
 * ready, and a check may keep the dialog open (showing its own errors) when OK is pressed.
 */
public final class FormDialog {

    private FormDialog() {
    }

    /** Returns true when the operator confirmed. */
    public static boolean show(Node anyNodeOfOwner, List<String> stylesheets, String title, String header,
                               String confirmLabel, Node form, Node firstFocus, BooleanSupplier acceptOnConfirm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Window owner = anyNodeOfOwner == null || anyNodeOfOwner.getScene() == null ? null : anyNodeOfOwner.getScene().getWindow();
        if (owner != null && owner.isShowing()) {
            dialog.initOwner(owner);
        }
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().setMinWidth(480);
        Button ok = (Button) dialog.getDialogPane().lookupButton(confirm);
        ok.setId("dialogConfirm");
        ok.setDefaultButton(true);
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("dialogCancel");
        cancel.setCancelButton(true);
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            if (!acceptOnConfirm.getAsBoolean()) {
                event.consume();
            }
        });
        if (firstFocus != null) {
            dialog.setOnShown(event -> Platform.runLater(firstFocus::requestFocus));
        }
        return dialog.showAndWait().filter(confirm::equals).isPresent();
    }
}
