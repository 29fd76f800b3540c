package org.movedesk.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every alert, confirmation and simple choice goes through here (JabRef's DialogService idea),
 * so views stay thin and a journey test finds dialogs by the same ids every time.
 */
public interface DialogService {

    void showError(String title, String message);

    /** Shows an exception to the user: a MoveDesk rejection's own message as it is. */
    void showError(String title, Throwable error);

    void showInfo(String title, String message);

    /** Asks a yes/no question; Enter confirms, Escape declines. */
    boolean confirm(String title, String message, String confirmLabel);

    /** Lets the user pick one of a few options; empty when they cancel. */
    <T> Optional<T> choose(String title, String message, List<T> options, Function<T, String> label);

    /** Asks for a line of text; empty when they cancel. */
    Optional<String> askText(String title, String message, String initial);

    /** What a file chooser is for. */
    enum FileChoice { OPEN, SAVE }

    /**
     * Lets the user pick a file to open or a file name to save to (Escape cancels); empty when
     * they cancel. {@code extension} like "zip" filters and completes the name.
     */
    default Optional<java.nio.file.Path> chooseFile(String title, FileChoice kind, String suggestedName, String extension) {
        return Optional.empty();
    }
}
