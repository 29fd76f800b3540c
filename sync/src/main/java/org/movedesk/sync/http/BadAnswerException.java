package org.movedesk.sync.http;

import java.io.IOException;

/**
 * The centre answered, but not in a way we can read (HTML error page, wrong content type,
 * malformed or truncated JSON, missing fields, a body far larger than any real answer).
 * Whether the request took effect is unknown, so the caller treats it like a lost answer.
 */
public class BadAnswerException extends IOException {

    private final int status;

    public BadAnswerException(int status, String message) {
        super(message);
        this.status = status;
    }

    public BadAnswerException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
