package org.movedesk.ui.shell;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.movedesk.core.operators.Actor;
import org.movedesk.ui.common.Session;

/**
 * The shell's state: which screens this operator may open, which one is current (with its
 * argument), and where Back goes.
 */
public class ShellViewModel implements Navigator {

    /** The current screen and what it was opened with. */
    public record Route(NavigationEntry entry, Object argument) {
    }

    private final List<NavigationEntry> entries;
    private final Session session;
    private final ObservableList<NavigationEntry> sidebar = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Route> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper operatorText = new ReadOnlyStringWrapper("");
    private final Deque<Route> history = new ArrayDeque<>();

    public ShellViewModel(List<NavigationEntry> entries, Session session) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
        this.session = session;
    }

    /** Called after sign-in (and after a different operator signs in). */
    public void start() {
        Actor actor = session.require();
        sidebar.setAll(entries.stream().filter(NavigationEntry::sidebar).filter(e -> e.visibleFor().test(actor)).toList());
        operatorText.set(actor.username() + " \u00b7 " + roleText(actor));
        history.clear();
        current.set(null);
        if (!sidebar.isEmpty()) {
            show(sidebar.get(0).id(), null);
        }
    }

    private static String roleText(Actor actor) {
        return actor.roles().stream().map(role -> role.name().toLowerCase().replace('_', ' ')).sorted()
                .reduce((a, b) -> a + ", " + b).orElse("no roles");
    }

    @Override
    public void show(String routeId, Object argument) {
        NavigationEntry entry = find(routeId)
                .orElseThrow(() -> new IllegalArgumentException("No screen called " + routeId));
        Actor actor = session.require();
        if (!entry.visibleFor().test(actor)) {
            throw new IllegalStateException("Your roles do not include the " + entry.title() + " screen.");
        }
        Route previous = current.get();
        if (previous != null && !(previous.entry().equals(entry) && java.util.Objects.equals(previous.argument(), argument))) {
            history.push(previous);
        }
        current.set(new Route(entry, argument));
    }

    @Override
    public void back() {
        if (!history.isEmpty()) {
            current.set(history.pop());
        }
    }

    public boolean canGoBack() {
        return !history.isEmpty();
    }

    public Optional<NavigationEntry> find(String routeId) {
        return entries.stream().filter(entry -> entry.id().equals(routeId)).findFirst();
    }

    public ObservableList<NavigationEntry> sidebar() {
        return sidebar;
    }

    public ReadOnlyObjectProperty<Route> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorTextProperty() {
        return operatorText.getReadOnlyProperty();
    }

    public List<NavigationEntry> entries() {
        return entries;
    }
}
