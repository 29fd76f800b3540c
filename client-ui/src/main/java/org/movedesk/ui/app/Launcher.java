package org.movedesk.ui.app;

import javafx.application.Application;

/**
 * Holds {@code main} for the classpath app: a class that extends {@link Application} cannot
 * be the main class without the JavaFX modules on the module path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        StartupClock.markMain();
        Application.launch(MoveDeskApplication.class, args);
        // the window is closed and the context is shut down: do not wait for stray threads
        System.exit(0);
    }
}
