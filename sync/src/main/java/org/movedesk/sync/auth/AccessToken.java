package org.movedesk.sync.auth;

import java.time.Instant;

/** A bearer token, when we asked for it and when it stops being valid by the server's own account. */
public record AccessToken(String value, Instant issuedAt, Instant expiresAt) {

    /**
     * Still good for at least {@code margin}, where the margin never exceeds half the token's life
     * (a short-lived token would otherwise be renewed on every request).
     */
    public boolean usableAt(Instant now, java.time.Duration margin) {
        java.time.Duration half = java.time.Duration.between(issuedAt, expiresAt).dividedBy(2);
        java.time.Duration effective = margin.compareTo(half) < 0 ? margin : half;
        return now.plus(effective).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]"; // never print the secret
    }
}
