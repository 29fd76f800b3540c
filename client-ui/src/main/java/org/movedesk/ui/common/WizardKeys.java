package org.movedesk.ui.common;

import java.util.List;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keys every wizard shares (booking, discharge): Enter goes on (next step, or the final
 * action), Escape leaves, Alt+B goes back. Enter stays with a multi-line text, with an open
 * picker, and with fields that have their own Enter (a "find" field); Escape closes an open
 * picker first. Also marks the current step in the step bar.
 */
public final class WizardKeys {

    private static final String CURRENT = "step-current";

    private Runnable onEnter = () -> { };
    private Runnable onEscape = () -> { };
    private Runnable onBack = () -> { };
    private Predicate<Object> keepsEnter = target -> false;
    private final java.util.Map<javafx.scene.input.KeyCombination, Runnable> more = new java.util.LinkedHashMap<>();

    public static WizardKeys create() {
        return new WizardKeys();
    }

    public WizardKeys enter(Runnable action) {
        this.onEnter = action;
        return this;
    }

    public WizardKeys escape(Runnable action) {
        this.onEscape = action;
        return this;
    }

    public WizardKeys back(Runnable action) {
        this.onBack = action;
        return this;
    }

    /** Targets that handle Enter themselves (their own onAction). */
    public WizardKeys enterBelongsTo(Predicate<Object> targets) {
        this.keepsEnter = keepsEnter.or(targets);
        return this;
    }

    /** A wizard's own extra key (e.g. Alt+N "another" on a done page). */
    public WizardKeys key(String combination, Runnable action) {
        more.put(javafx.scene.input.KeyCombination.keyCombination(combination), action);
        return this;
    }

    public void installOn(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getTarget() instanceof ComboBoxBase<?> picker && picker.isShowing()) {
                return;
            }
            for (var extra : more.entrySet()) {
                if (extra.getKey().match(event)) {
                    extra.getValue().run();
                    event.consume();
                    return;
                }
            }
            if (event.getCode() == KeyCode.ESCAPE) {
                onEscape.run();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && !(event.getTarget() instanceof TextArea)
                    && !keepsEnter.test(event.getTarget())) {
                onEnter.run();
                event.consume();
            } else if (event.getCode() == KeyCode.B && event.isAltDown()) {
                onBack.run();
                event.consume();
            }
        });
    }

    /** Highlights {@code current} in the wizard's step bar. */
    public static void markCurrent(Label current, List<Label> steps) {
        steps.forEach(label -> label.getStyleClass().remove(CURRENT));
        current.getStyleClass().add(CURRENT);
    }
}
