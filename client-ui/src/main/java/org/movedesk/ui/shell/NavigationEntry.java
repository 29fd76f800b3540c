package org.movedesk.ui.shell;

import java.util.function.Predicate;

import javafx.scene.input.KeyCombination;

import org.movedesk.core.operators.Actor;

/**
 * One screen the shell can show. A feature adds itself by declaring a bean of this type
 * (see {@code DashboardFeature}); the shell puts every entry with {@code sidebar = true}
 * in the sidebar, sorted by {@code order}, with its accelerator. Entries that take an
 * argument (a move's detail) are reached through {@link Navigator#show(String, Object)}.
 *
 * @param id          route id, also the sidebar button's fx:id suffix ({@code #nav-moves})
 * @param title       the sidebar label and window subtitle
 * @param icon        an Ikonli Material2 literal, e.g. {@code mdal-dashboard}
 * @param order       position in the sidebar
 * @param fxml        classpath resource of the view
 * @param accelerator e.g. {@code Shortcut+1}; null for none
 * @param sidebar     false for screens reached only from another screen
 * @param visibleFor  which operators may open it (core re-checks every call anyway)
 */
public record NavigationEntry(String id, String title, String icon, int order, String fxml,
                              String accelerator, boolean sidebar, Predicate<Actor> visibleFor) {

    public static NavigationEntry sidebar(String id, String title, String icon, int order, String fxml,
                                          String accelerator, Predicate<Actor> visibleFor) {
        return new NavigationEntry(id, title, icon, order, fxml, accelerator, true, visibleFor);
    }

    public static NavigationEntry hidden(String id, String title, String fxml) {
        return new NavigationEntry(id, title, null, Integer.MAX_VALUE, fxml, null, false, actor -> true);
    }

    public KeyCombination keys() {
        return accelerator == null ? null : KeyCombination.valueOf(accelerator);
    }
}
