package org.movedesk.core.history;

/**
 * Told how far long history work has come (verify, exports). Called from the working thread
 * every chunk; the UI re-posts it on its own thread.
 *
 * @see CancellationToken
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /** @param total the expected number of rows, or -1 when not known */
    void progress(long done, long total);
}
