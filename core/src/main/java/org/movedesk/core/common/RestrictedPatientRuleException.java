package org.movedesk.core.common;

/** A Restricted Patients API business rule, with the central errorCode and userMessage text. */
public class RestrictedPatientRuleException extends MoveDeskException {
    public RestrictedPatientRuleException(String errorCode, String message) {
        super(errorCode, message);
    }

    public String errorCode() {
        return code();
    }
}
