package org.movedesk.sync.events;

/**
 * A message that can never be applied however often it is retried (not JSON, missing or
 * mistyped fields). It goes to the dead-letter queue at once, with this message as the reason.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
