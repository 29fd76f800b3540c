package org.movedesk.ui.shell;

/**
 * Implemented by view controllers that want to know when they are shown (to refresh or
 * take an argument such as a move id) or hidden.
 */
public interface RouteAware {

    /** Called on the FX thread each time the view becomes the current one. */
    void onShow(Object argument);

    default void onHide() {
    }

    /** The view is thrown away (the operator signed out): stop listening to events and status. */
    default void dispose() {
    }

    /** The node that should get focus when the view appears (keyboard first). */
    default javafx.scene.Node initialFocus() {
        return null;
    }
}
