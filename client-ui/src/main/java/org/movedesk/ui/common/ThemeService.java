package org.movedesk.ui.common;

import java.util.List;
import java.util.Objects;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * AtlantaFX Primer light/dark as the user-agent stylesheet, plus our one app stylesheet.
 * The theme is taken from AtlantaFX's CSS resources rather than its {@code PrimerLight}
 * classes: atlantafx-base 2.1.0 ships Java 21 class files and the desk runs on Java 17
 * (ADR 0051). The CSS is the whole theme; the classes only return its path.
 */
public final class ThemeService {

    public static final String APP_STYLESHEET =
            Objects.requireNonNull(ThemeService.class.getResource("/org/movedesk/ui/movedesk.css")).toExternalForm();
    private static final String SETTING = "theme.dark";
    static final String PRIMER_LIGHT = themeResource("primer-light.css");
    static final String PRIMER_DARK = themeResource("primer-dark.css");

    private final UiSettings settings;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

    public ThemeService(UiSettings settings) {
        this.settings = settings;
        dark.set(settings != null && settings.getBoolean(SETTING, false));
    }

    /** Applies the theme the user chose last time (or light). Call on the FX thread. */
    public void applySaved() {
        apply(dark.get());
    }

    public void toggle() {
        apply(!dark.get());
        if (settings != null) {
            settings.put(SETTING, dark.get());
            settings.save();
        }
    }

    private void apply(boolean useDark) {
        dark.set(useDark);
        Application.setUserAgentStylesheet(useDark ? PRIMER_DARK : PRIMER_LIGHT);
    }

    private static String themeResource(String file) {
        return Objects.requireNonNull(ThemeService.class.getResource("/atlantafx/base/theme/" + file),
                () -> "AtlantaFX theme " + file + " is missing from the classpath").toExternalForm();
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public List<String> stylesheets() {
        return List.of(APP_STYLESHEET);
    }
}
