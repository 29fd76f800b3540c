package org.movedesk.sandbox.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Issues opaque bearer tokens to the one configured client and checks them against the sandbox clock. Thread-safe. */
public final class TokenService {

    public record Token(String value, String clientId, Instant createdAt, Instant expiresAt) {
    }

    private final String clientId;
    private final String clientSecret;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public TokenService(String clientId, String clientSecret, Duration ttl, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.ttl = ttl;
        this.clock = clock;
    }

    public boolean credentialsMatch(String id, String secret) {
        return clientId.equals(id) && clientSecret.equals(secret);
    }

    public Token issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Token token = new Token(value, clientId, now, now.plus(ttl));
        tokens.put(value, token);
        return token;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The live token named by an {@code Authorization: Bearer ...} header, if any. */
    public Optional<Token> authenticate(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String header = authorizationHeader.trim();
        if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Token token = tokens.get(header.substring(7).trim());
        if (token == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            tokens.remove(token.value());
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
