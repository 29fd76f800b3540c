package org.movedesk.core.common;

public class AuthenticationFailedException extends MoveDeskException {
    public AuthenticationFailedException(String message) {
        super("AUTHENTICATION_FAILED", message);
    }
}
