package org.movedesk.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.movedesk.core.common.MoveDeskException;

/**
 * Turns a failure into the sentence the user reads. MoveDesk's own rejections already carry a
 * message a person can act on, so it is shown unchanged; anything else gets a plain hint.
 */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String forUser(Throwable error) {
        Throwable cause = unwrap(error);
        if (isMoveDeskException(cause) && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "Something went wrong: " + detail
                + "\nYour work so far is saved locally. Try again; if it keeps failing, "
                + "note the time and tell your system administrator.";
    }

    static Throwable unwrap(Throwable error) {
        // a rule's own message anywhere in the chain (e.g. a damaged store refused while Spring
        // creates a bean, several wrappers deep) says more than any wrapper around it
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isMoveDeskException(t) && t.getMessage() != null) {
                return t;
            }
        }
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current.getClass().getName().startsWith("java.lang.reflect.")
                || current.getClass().getName().equals("org.springframework.beans.factory.BeanCreationException"))
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isMoveDeskException(Throwable error) {
        return error instanceof MoveDeskException;
    }
}
