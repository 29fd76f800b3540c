package org.movedesk.ui.signin;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.PropertyResolver;

import org.movedesk.core.security.SessionPolicy;

/**
 * How long the desk waits before it locks: core's documented
 * {@code movedesk.security.session.idle-timeout} (docs/configuration.md). The desk's first key,
 * {@code movedesk.ui.lock-after}, still works when the documented one is not set, with a warning,
 * so existing start scripts keep their setting.
 */
public final class LockTimeout {

    public static final String KEY = "movedesk.security.session.idle-timeout";
    /** @deprecated use {@link #KEY}. */
    @Deprecated
    public static final String OLD_KEY = "movedesk.ui.lock-after";

    private static final Logger LOG = LoggerFactory.getLogger(LockTimeout.class);

    private LockTimeout() {
    }

    public static Duration resolve(PropertyResolver properties, SessionPolicy policy) {
        Duration documented = policy != null ? policy.idleTimeout() : SessionPolicy.DEFAULT_IDLE_TIMEOUT;
        if (properties.containsProperty(KEY) || !properties.containsProperty(OLD_KEY)) {
            return documented;
        }
        Duration old = properties.getProperty(OLD_KEY, Duration.class);
        LOG.warn("{} is deprecated; set {} instead (using {})", OLD_KEY, KEY, old);
        if (old == null || old.isNegative()) {
            throw new IllegalArgumentException(OLD_KEY + " must be a duration of zero or more, e.g. 10m");
        }
        return old;
    }
}
