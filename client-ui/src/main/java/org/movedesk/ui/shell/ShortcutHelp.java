package org.movedesk.ui.shell;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import org.movedesk.ui.common.Shortcuts;

/** The F1 / Ctrl+/ list: every accelerator the app installed, with what it does. */
final class ShortcutHelp {

    private ShortcutHelp() {
    }

    static void show(Window owner, List<Shortcuts.Shortcut> shortcuts, List<String> stylesheets) {
        TableView<Shortcuts.Shortcut> table = new TableView<>();
        table.setId("shortcutTable");
        TableColumn<Shortcuts.Shortcut, String> area = new TableColumn<>("Where");
        area.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().area()));
        area.setPrefWidth(130);
        TableColumn<Shortcuts.Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().keysText()));
        keys.setPrefWidth(140);
        TableColumn<Shortcuts.Shortcut, String> action = new TableColumn<>("Does");
        action.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().action()));
        action.setPrefWidth(320);
        table.getColumns().addAll(List.of(area, keys, action));
        table.getItems().setAll(shortcuts);
        table.setPrefSize(620, 420);

        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts (F1 or Ctrl+/)");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }
}
