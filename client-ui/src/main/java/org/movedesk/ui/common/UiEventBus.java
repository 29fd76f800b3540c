package org.movedesk.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Domain events on the UI thread. View models subscribe by event type; the
 * {@link DomainEventBridge} publishes core's after-commit events here through the
 * {@link UiExecutor}, so a view model never polls the store and never leaves the UI thread.
 */
public final class UiEventBus {

    private record Subscription<T>(Class<T> type, Consumer<? super T> handler) {
        void offer(Object event) {
            if (type.isInstance(event)) {
                handler.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    /** Returns a handle that unsubscribes (views call it when they are thrown away). */
    public <T> Runnable subscribe(Class<T> type, Consumer<? super T> handler) {
        Subscription<T> subscription = new Subscription<>(type, handler);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** How many handlers listen now (tests check that signed-out views let go). */
    public int subscriptionCount() {
        return subscriptions.size();
    }

    public void publish(Object event) {
        for (Subscription<?> subscription : subscriptions) {
            subscription.offer(event);
        }
    }
}
