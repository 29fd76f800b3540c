package org.movedesk.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The unsubscribe handles a view model collects (event bus, sync status). The shell throws a
 * signed-in operator's views away at sign-out; {@link #dispose()} then detaches their view
 * models, so they neither react for the next operator nor stay reachable from the bus.
 */
public final class Subscriptions {

    private final List<Runnable> handles = new ArrayList<>();

    public void add(Runnable unsubscribe) {
        handles.add(unsubscribe);
    }

    public void dispose() {
        handles.forEach(Runnable::run);
        handles.clear();
    }
}
