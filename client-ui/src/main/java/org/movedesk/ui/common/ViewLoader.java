package org.movedesk.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads a feature's FXML with its controller taken from a factory (Spring's
 * {@code getBean} in the app), so controllers get their view models injected.
 */
public final class ViewLoader {

    /** A loaded view: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    private final Callback<Class<?>, Object> controllers;

    public ViewLoader(Callback<Class<?>, Object> controllers) {
        this.controllers = controllers;
    }

    public <C> Loaded<C> load(String fxmlResource) {
        URL url = Objects.requireNonNull(ViewLoader.class.getResource(fxmlResource), () -> "no FXML at " + fxmlResource);
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not load " + fxmlResource, failed);
        }
    }
}
