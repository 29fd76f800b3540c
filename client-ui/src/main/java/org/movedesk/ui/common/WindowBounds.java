package org.movedesk.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers where the main window was, and never restores it off every screen. */
public final class WindowBounds {

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private WindowBounds() {
    }

    public static void restore(Stage stage, UiSettings settings) {
        double width = settings.getDouble("window.width", DEFAULT_WIDTH);
        double height = settings.getDouble("window.height", DEFAULT_HEIGHT);
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        Rectangle2D visual = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.max(800, Math.min(width, Math.max(800, visual.getWidth()))));
        stage.setHeight(Math.max(560, Math.min(height, Math.max(560, visual.getHeight()))));
        boolean onSomeScreen = !Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(x, y, Math.max(1, width), Math.max(1, height)).isEmpty();
        if (onSomeScreen) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(settings.getBoolean("window.maximized", false));
    }

    public static void remember(Stage stage, UiSettings settings) {
        settings.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            settings.put("window.x", stage.getX());
            settings.put("window.y", stage.getY());
            settings.put("window.width", stage.getWidth());
            settings.put("window.height", stage.getHeight());
        }
    }
}
