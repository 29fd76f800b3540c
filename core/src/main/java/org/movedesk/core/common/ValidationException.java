package org.movedesk.core.common;

/** An input the operator must correct; {@link #field()} names the form field. */
public class ValidationException extends MoveDeskException {

    private final String field;

    public ValidationException(String field, String message) {
        super("VALIDATION", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
