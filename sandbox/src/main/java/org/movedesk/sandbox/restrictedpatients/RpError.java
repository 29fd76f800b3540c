package org.movedesk.sandbox.restrictedpatients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Reply;

/** The HMPPS error body {@code {status, errorCode, userMessage, developerMessage, moreInfo}}, unset fields as null. */
public final class RpError extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final String userMessage;
    private final String developerMessage;

    public RpError(int status, String errorCode, String userMessage, String developerMessage) {
        super(developerMessage);
        this.status = status;
        this.errorCode = errorCode;
        this.userMessage = userMessage;
        this.developerMessage = developerMessage;
    }

    /** A business-rule 400: code, the message, and "Validation failure: " + the message for developers. */
    public static RpError rule(String code, String message) {
        return new RpError(400, code, message, "Validation failure: " + message);
    }

    public static RpError notFound(String message) {
        return new RpError(404, null, null, message);
    }

    /** Unreadable body or a missing required field: 400 with only the developer message. */
    public static RpError badRequest(String message) {
        return new RpError(400, null, null, message);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public Reply toReply() {
        ObjectNode body = Json.object();
        body.put("status", status);
        body.put("errorCode", errorCode);
        body.put("userMessage", userMessage);
        body.put("developerMessage", developerMessage);
        body.putNull("moreInfo");
        return Reply.plainJson(status, body);
    }
}
