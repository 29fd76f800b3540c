package org.movedesk.ui.admin;

import java.time.Duration;
import java.time.Instant;

import org.movedesk.sync.http.CentralProperties;
import org.movedesk.ui.common.BackgroundTask;

/** Tries the central services with given settings, without changing what sync uses. */
public interface ConnectionTester {

    /** What a test found, and what to do about it. */
    record Result(Outcome outcome, String message, Instant serverTime, Duration clockDifference) {
    }

    /** The kinds of answer the form words differently. */
    enum Outcome { OK, WRONG_CREDENTIALS, UNREACHABLE, REFUSED }

    /** Runs off the UI thread; reports its steps through {@code progress}. */
    Result test(CentralProperties settings, BackgroundTask.Progress progress);
}
