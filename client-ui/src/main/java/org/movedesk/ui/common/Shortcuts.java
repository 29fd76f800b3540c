package org.movedesk.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.input.KeyCombination;

/**
 * The shortcut list the user sees with F1 or Ctrl+/. Whoever installs an accelerator also
 * describes it here, so the list can never miss one.
 */
public final class Shortcuts {

    /** One line of the list. */
    public record Shortcut(String area, KeyCombination keys, String action) {
        public String keysText() {
            return keys.getDisplayText();
        }
    }

    private final List<Shortcut> all = new ArrayList<>();

    public synchronized KeyCombination add(String area, String keys, String action) {
        KeyCombination combination = KeyCombination.valueOf(keys);
        if (all.stream().noneMatch(existing -> existing.area().equals(area) && existing.keys().equals(combination))) {
            all.add(new Shortcut(area, combination, action));
        }
        return combination;
    }

    public synchronized List<Shortcut> list() {
        return List.copyOf(all);
    }
}
