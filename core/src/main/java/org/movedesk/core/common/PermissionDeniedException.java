package org.movedesk.core.common;

public class PermissionDeniedException extends MoveDeskException {
    public PermissionDeniedException(String message) {
        super("PERMISSION_DENIED", message);
    }
}
