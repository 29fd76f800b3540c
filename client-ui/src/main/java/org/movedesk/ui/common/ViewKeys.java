package org.movedesk.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A view's own accelerators: each is described in the shell's {@link Shortcuts} list (F1)
 * and acts only while the view's root has focus inside it, so two screens may reuse a key.
 */
public final class ViewKeys {

    private final Shortcuts shortcuts;
    private final String area;
    private final Map<KeyCombination, Runnable> actions = new LinkedHashMap<>();

    public ViewKeys(Shortcuts shortcuts, String area) {
        this.shortcuts = shortcuts;
        this.area = area;
    }

    public ViewKeys key(String combination, String description, Runnable action) {
        actions.put(shortcuts.add(area, combination, description), action);
        return this;
    }

    /** A key handled by a control itself (Enter in a table); listed for the user only. */
    public ViewKeys describe(String combination, String description) {
        shortcuts.add(area, combination, description);
        return this;
    }

    public void installOn(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> actions.entrySet().stream()
                .filter(entry -> entry.getKey().match(event)).findFirst().ifPresent(entry -> {
                    entry.getValue().run();
                    event.consume();
                }));
    }
}
