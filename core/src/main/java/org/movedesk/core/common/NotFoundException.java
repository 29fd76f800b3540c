package org.movedesk.core.common;

public class NotFoundException extends MoveDeskException {
    public NotFoundException(String message) {
        super("NOT_FOUND", message);
    }
}
