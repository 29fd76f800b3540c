package org.movedesk.core.common;

/** Someone else changed the record since the operator loaded it; nothing of this action was stored. */
public class ConcurrentEditException extends MoveDeskException {
    public ConcurrentEditException(String message) {
        super("CONCURRENT_EDIT", message);
    }

    public ConcurrentEditException(String message, Throwable cause) {
        super("CONCURRENT_EDIT", message, cause);
    }
}
