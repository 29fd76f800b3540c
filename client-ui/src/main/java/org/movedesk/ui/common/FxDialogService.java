package org.movedesk.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * JavaFX dialogs owned by the main window. Buttons carry stable ids
 * ({@code #dialogConfirm}, {@code #dialogCancel}) for keyboard users' screen readers and for
 * journey tests; OK is the default button (Enter) and Cancel the cancel button (Escape).
 */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final Supplier<List<String>> stylesheets;

    public FxDialogService(Supplier<Window> owner, Supplier<List<String>> stylesheets) {
        this.owner = owner;
        this.stylesheets = stylesheets;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    @Override
    public void showError(String title, Throwable error) {
        showError(title, ErrorMessages.forUser(error));
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        prepare(alert, title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<T> options, Function<T, String> label) {
        if (options.isEmpty()) {
            return Optional.empty();
        }
        ChoiceDialog<T> dialog = new ChoiceDialog<>(options.get(0), options);
        prepare(dialog, title);
        dialog.setHeaderText(message);
        javafx.scene.control.ComboBox<T> box = findCombo(dialog);
        if (box != null) {
            box.setId("dialogChoice");
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(T value) {
                    return value == null ? "" : label.apply(value);
                }

                @Override
                public T fromString(String text) {
                    return null;
                }
            });
        }
        return dialog.showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String message, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial == null ? "" : initial);
        prepare(dialog, title);
        dialog.setHeaderText(message);
        dialog.getEditor().setId("dialogText");
        return dialog.showAndWait();
    }

    @Override
    public Optional<java.nio.file.Path> chooseFile(String title, FileChoice kind, String suggestedName, String extension) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        if (extension != null && !extension.isBlank()) {
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(
                    extension.toUpperCase(java.util.Locale.ROOT) + " files", "*." + extension));
        }
        if (suggestedName != null) {
            chooser.setInitialFileName(suggestedName);
        }
        Window window = owner.get();
        java.io.File chosen = kind == FileChoice.SAVE ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
        return Optional.ofNullable(chosen).map(java.io.File::toPath);
    }

    @SuppressWarnings("unchecked")
    private static <T> javafx.scene.control.ComboBox<T> findCombo(Dialog<?> dialog) {
        Node node = dialog.getDialogPane().lookup(".combo-box");
        return node instanceof javafx.scene.control.ComboBox<?> combo ? (javafx.scene.control.ComboBox<T>) combo : null;
    }

    /** Owner, styles and button ids: the same for every dialog. */
    public void prepare(Dialog<?> dialog, String title) {
        dialog.setTitle(title);
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
        }
        dialog.getDialogPane().getStylesheets().addAll(stylesheets.get());
        for (ButtonType type : dialog.getDialogPane().getButtonTypes()) {
            Node node = dialog.getDialogPane().lookupButton(type);
            if (node instanceof Button button) {
                boolean cancel = type.getButtonData().isCancelButton();
                button.setId(cancel ? "dialogCancel" : "dialogConfirm");
            }
        }
    }
}
