package org.movedesk.core.common;

/** The move's status does not allow the requested action. */
public class IllegalTransitionException extends MoveDeskException {
    public IllegalTransitionException(String message) {
        super("ILLEGAL_TRANSITION", message);
    }
}
