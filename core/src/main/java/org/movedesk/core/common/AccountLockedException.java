package org.movedesk.core.common;

import java.time.Instant;

public class AccountLockedException extends MoveDeskException {

    private final Instant lockedUntil;

    public AccountLockedException(String message, Instant lockedUntil) {
        super("ACCOUNT_LOCKED", message);
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
