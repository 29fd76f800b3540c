package org.movedesk.core.common;

/** Base of every refusal core gives: a stable {@link #code()} and a message a person can act on. */
public class MoveDeskException extends RuntimeException {

    private final String code;

    public MoveDeskException(String code, String message) {
        super(message);
        this.code = code;
    }

    public MoveDeskException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
