package org.movedesk.ui.common;

import org.springframework.context.event.EventListener;

/**
 * Re-posts the events that core and sync publish (after commit, on whatever thread did the
 * work) onto the UI thread. Any event type from {@code org.movedesk.core} or
 * {@code org.movedesk.sync} passes, so a new event needs no change here.
 */
public class DomainEventBridge {

    private final UiExecutor ui;
    private final UiEventBus bus;

    public DomainEventBridge(UiExecutor ui, UiEventBus bus) {
        this.ui = ui;
        this.bus = bus;
    }

    @EventListener
    public void onApplicationEvent(Object event) {
        if (isDomainEvent(event)) {
            ui.execute(() -> bus.publish(event));
        }
    }

    static boolean isDomainEvent(Object event) {
        String name = event.getClass().getName();
        return name.startsWith("org.movedesk.core.") || name.startsWith("org.movedesk.sync.");
    }
}
