package org.movedesk.ui.common;

import javafx.application.Platform;

/** Posts work to the JavaFX application thread, always in order of submission. */
public final class FxUiExecutor implements UiExecutor {

    @Override
    public void execute(Runnable command) {
        Platform.runLater(command);
    }
}
