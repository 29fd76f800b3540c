package org.movedesk.sync.events;

/**
 * Applies one parsed event. Returning normally means the change is committed and the message
 * may be deleted. {@link PoisonMessageException} means "never retry"; any other exception
 * means "retry later" (SQS redelivers it, and after the last try moves it to the DLQ).
 */
@FunctionalInterface
public interface InboundEventHandler {

    EventOutcome handle(InboundEvent event);
}
