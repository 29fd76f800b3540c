package org.movedesk.sync.auth;

import java.io.IOException;

/**
 * The token endpoint refused our client credentials (HTTP 400/401 from {@code /oauth/token}).
 * Not transient: nothing will work until someone fixes the client id or secret in settings.
 */
public class TokenException extends IOException {

    private final int status;

    public TokenException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
