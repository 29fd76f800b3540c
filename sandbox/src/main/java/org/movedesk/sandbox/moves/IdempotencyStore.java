package org.movedesk.sandbox.moves;

import com.fasterxml.jackson.databind.JsonNode;
import org.movedesk.sandbox.http.Reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Upstream's Idempotency-Key rules: the same key with the same request within 10 minutes gets the first
 * answer again; a different request with a used key, or the same one after 10 minutes, is a conflict for
 * 12 hours; after that the key is forgotten. Only successful answers use up a key, so a client can fix a
 * rejected request and send it again with the same key. Not thread-safe: callers hold the world lock.
 */
public final class IdempotencyStore {

    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);
    public static final Duration CONFLICT_WINDOW = Duration.ofHours(12);

    /** What a request with a key should get. */
    public sealed interface Decision permits Fresh, Replay, Conflict {
    }

    public record Fresh() implements Decision {
    }

    public record Replay(Reply reply) implements Decision {
    }

    public record Conflict(String reason) implements Decision {
    }

    /** What identifies "the same request": method, path, query and the JSON body (key order does not matter). */
    public record Fingerprint(String method, String path, String query, JsonNode body, String rawBody) {
    }

    private record Used(Fingerprint fingerprint, Instant firstSeen, Reply reply) {
    }

    private final Clock clock;
    private final Map<String, Used> keys = new HashMap<>();

    public IdempotencyStore(Clock clock) {
        this.clock = clock;
    }

    public Decision decide(String key, Fingerprint fingerprint) {
        Instant now = clock.instant();
        Used used = keys.get(key);
        if (used != null && !now.isBefore(used.firstSeen().plus(CONFLICT_WINDOW))) {
            keys.remove(key);
            used = null;
        }
        if (used == null) {
            return new Fresh();
        }
        if (!Objects.equals(used.fingerprint(), fingerprint)) {
            return new Conflict("a different request was already sent with Idempotency-Key " + key);
        }
        if (now.isBefore(used.firstSeen().plus(REPLAY_WINDOW))) {
            return new Replay(used.reply());
        }
        return new Conflict("Idempotency-Key " + key + " was used more than 10 minutes ago");
    }

    public void remember(String key, Fingerprint fingerprint, Reply reply) {
        if (reply.isSuccess()) {
            keys.put(key, new Used(fingerprint, clock.instant(), reply));
        }
    }

    public void clear() {
        keys.clear();
    }
}
