package org.movedesk.sync.push;

import java.time.Duration;

import org.movedesk.core.outbox.SyncError;
import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.CentralError;
import org.movedesk.sync.http.ErrorBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of SYNC.md's answer table that is the same for every action: everything except the
 * success and the action-specific 409/422/400 reconciliations.
 */
final class Answers {

    private static final Logger log = LoggerFactory.getLogger(Answers.class);
    /** When a 429 carries no (readable) Retry-After. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private Answers() {
    }

    enum Dialect { JSON_API, RESTRICTED_PATIENTS }

    static CentralError error(ApiResponse r, Dialect dialect) {
        return dialect == Dialect.JSON_API ? ErrorBodies.fromJsonApi(r) : ErrorBodies.fromRestrictedPatients(r);
    }

    static SyncError syncError(CentralError e) {
        return new SyncError(e.status(), e.code(), e.title(), e.detail(), e.pointer());
    }

    /** Outcome for any non-2xx answer the action did not handle itself. */
    static Outcome generic(ApiResponse r, Dialect dialect, String what) {
        int s = r.status();
        CentralError e = error(r, dialect);
        if (s == 401) {
            return new Outcome.PauseQueue(new SyncError(401, e.code(), "Not signed in to the central service",
                    "The centre refused this desk's token even after renewing it. Check the client id and secret in "
                            + "settings, then resume sync.", null));
        }
        if (s == 403) {
            return new Outcome.Failed(new SyncError(403, e.code(), "Not allowed",
                    "The central service does not allow this desk to " + what + (e.detail() == null ? "." : ": " + e.detail()),
                    e.pointer()));
        }
        if (s == 406 || s == 415) {
            // a header we send is wrong: our bug, not the operator's
            log.error("Central service answered {} to '{}': {}", s, what, e.summary());
            return new Outcome.Failed(syncError(e));
        }
        if (s == 429) {
            return new Outcome.Retry(new SyncError(429, e.code(), "Central service busy", "Asked to slow down", null),
                    r.retryAfter().orElse(DEFAULT_RETRY_AFTER), false);
        }
        if (s == 408 || s >= 500) {
            return new Outcome.Retry(syncError(e), null, true);
        }
        if (s >= 300 && s < 400) {
            // we never follow redirects: a proxy or load balancer is sending us elsewhere; may clear up
            return new Outcome.Retry(new SyncError(s, null, "Unexpected redirect", r.headers().get("Location"), null),
                    null, true);
        }
        return new Outcome.Failed(syncError(e));
    }

    static Outcome transientFailure(java.io.IOException e) {
        String kind = e instanceof org.movedesk.sync.http.BadAnswerException bad
                ? "Answer not understood (HTTP " + bad.status() + ")"
                : e instanceof java.net.SocketTimeoutException || e instanceof java.io.InterruptedIOException
                ? "No answer in time" : "Connection problem";
        return new Outcome.Retry(new SyncError(e instanceof org.movedesk.sync.http.BadAnswerException bad ? bad.status() : null,
                null, kind, e.getClass().getSimpleName() + ": " + e.getMessage(), null), null, true);
    }
}
