package org.movedesk.core.history;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets the UI stop long history work between two chunks; the work then ends with {@link Cancelled}. */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public void throwIfCancelled(String what) {
        if (isCancelled()) {
            throw new Cancelled(what + " was cancelled; nothing was written.");
        }
    }

    /** The work stopped because someone asked it to. */
    public static final class Cancelled extends org.movedesk.core.common.MoveDeskException {
        public Cancelled(String message) {
            super("CANCELLED", message);
        }
    }
}
