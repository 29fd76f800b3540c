package org.movedesk.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;

/** Ikonli Material2 icons; an unknown literal gives an empty node rather than a failed screen. */
public final class Icons {

    private Icons() {
    }

    public static Node of(String literal) {
        if (literal == null) {
            return new Region();
        }
        try {
            FontIcon icon = new FontIcon(literal);
            icon.getStyleClass().add("app-icon");
            return icon;
        } catch (RuntimeException unknown) {
            return new Region();
        }
    }
}
