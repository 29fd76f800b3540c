package org.movedesk.ui.shell;

/** How one screen opens another. The shell implements it. */
public interface Navigator {

    void show(String routeId, Object argument);

    default void show(String routeId) {
        show(routeId, null);
    }

    /** Back to the previous screen (Alt+Left, Escape on detail screens). */
    void back();
}
