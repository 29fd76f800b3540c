package org.movedesk.sync.events;

/**
 * Applies one parsed event. Returning normally means the change is committed and the message
 * may be deleted. {@link PoisonMessageException} means "never retry"; any other exception
 * means "retry later" (SQS redelivers it, and after the last try moves it to the DLQ).
 */
@FunctionalInterface
public interface InboundEventHandler {

    EventOutcome handle(InboundEvent event);

    /**
     * Applies a received batch, in order, inside the caller's transaction (the listener's fast
     * path). A handler may look things up for the whole batch at once; by default each event
     * is handled on its own.
     */
    default void handleAll(java.util.List<InboundEvent> events) {
        events.forEach(this::handle);
    }
}
