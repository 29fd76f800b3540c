package org.movedesk.sync.auth;

import java.time.Instant;

/** A bearer token and the moment it stops being valid by the server's own account. */
public record AccessToken(String value, Instant expiresAt) {

    public boolean usableAt(Instant now, java.time.Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]"; // never print the secret
    }
}
