package org.movedesk.sync.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds the current bearer token for every worker. Renews it a while before it expires and,
 * when the centre answers 401 anyway (revoked, server restarted), exactly once per stale token:
 * many workers hitting 401 together cause one renewal, not a stampede.
 */
public class TokenCache {

    private final TokenClient client;
    private final Clock clock;
    private final Duration renewBefore;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken current;
    private volatile String problem;
    private volatile Runnable onProblemChange = () -> { };

    public TokenCache(TokenClient client, Clock clock, Duration renewBefore) {
        this.client = client;
        this.clock = clock;
        this.renewBefore = renewBefore;
    }

    public void onProblemChange(Runnable listener) {
        this.onProblemChange = listener;
    }

    /** A token valid for at least {@code renewBefore}, fetched if needed. */
    public String token() throws IOException {
        AccessToken t = current;
        if (t != null && t.usableAt(Instant.now(clock), renewBefore)) {
            return t.value();
        }
        lock.lock();
        try {
            t = current;
            if (t != null && t.usableAt(Instant.now(clock), renewBefore)) {
                return t.value();
            }
            return renew().value();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The centre rejected {@code rejected}: get a new one unless another thread already did.
     *
     * @return the token to retry with
     */
    public String renewAfterRejection(String rejected) throws IOException {
        lock.lock();
        try {
            AccessToken t = current;
            if (t != null && !t.value().equals(rejected) && t.usableAt(Instant.now(clock), Duration.ZERO)) {
                return t.value();
            }
            return renew().value();
        } finally {
            lock.unlock();
        }
    }

    /** The fresh token was refused too: the credentials or the client's rights are wrong. */
    public void reportRejected(String why) {
        setProblem(why);
    }

    public String problem() {
        return problem;
    }

    public void clearProblem() {
        setProblem(null);
    }

    private AccessToken renew() throws IOException {
        try {
            AccessToken fresh = client.fetch();
            current = fresh;
            setProblem(null);
            return fresh;
        } catch (TokenException e) {
            current = null;
            setProblem(e.getMessage());
            throw e;
        }
    }

    private void setProblem(String value) {
        boolean changed = !java.util.Objects.equals(problem, value);
        problem = value;
        if (changed) {
            onProblemChange.run();
        }
    }
}
