package org.movedesk.core.operators;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** movedesk.security.max-failed-sign-ins (5) and movedesk.security.lockout (15m). */
@ConfigurationProperties(prefix = "movedesk.security")
public record SignInPolicy(Integer maxFailedSignIns, Duration lockout, Integer minPasswordLength) {
    public SignInPolicy {
        maxFailedSignIns = maxFailedSignIns == null ? 5 : maxFailedSignIns;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        minPasswordLength = minPasswordLength == null ? 10 : minPasswordLength;
    }
}
