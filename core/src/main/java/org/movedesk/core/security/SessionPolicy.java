package org.movedesk.core.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a signed-in desk locks itself: after {@code movedesk.security.session.idle-timeout}
 * (default 10 minutes, 0 = never) without keyboard or mouse input. The UI tracks input and asks
 * this policy; unlocking needs the operator's password again (OperatorService.signIn), and the
 * lockout after repeated wrong passwords applies there too.
 */
@ConfigurationProperties(prefix = "movedesk.security.session")
public record SessionPolicy(Duration idleTimeout, Duration warnBefore) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    public SessionPolicy {
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
        warnBefore = warnBefore == null ? Duration.ofSeconds(30) : warnBefore;
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("movedesk.security.session.idle-timeout must not be negative");
        }
    }

    public boolean locksAutomatically() {
        return !idleTimeout.isZero();
    }

    /** Whether a desk whose last input was at {@code lastActivity} must be locked at {@code now}. */
    public boolean shouldLock(Instant lastActivity, Instant now) {
        return locksAutomatically() && !lastActivity.plus(idleTimeout).isAfter(now);
    }

    /** Time left before the lock (zero when due; {@link Duration#ZERO} forever if it never locks). */
    public Duration remaining(Instant lastActivity, Instant now) {
        if (!locksAutomatically()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, lastActivity.plus(idleTimeout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether to show the "locking soon" warning now. */
    public boolean shouldWarn(Instant lastActivity, Instant now) {
        return locksAutomatically() && !shouldLock(lastActivity, now)
                && remaining(lastActivity, now).compareTo(warnBefore) <= 0;
    }
}
