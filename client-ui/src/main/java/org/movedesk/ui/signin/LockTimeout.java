package org.movedesk.ui.signin;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;
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
        String text = properties.getProperty(OLD_KEY, "");
        Duration old;
        try {
            // the same forms Spring Boot binds for the documented key: 10m, 90s, PT10M, a number of milliseconds
            old = DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException unreadable) {
            old = null;
        }
        if (old == null || old.isNegative()) {
            throw new IllegalArgumentException(OLD_KEY + " must be a duration of zero or more, e.g. 10m (not '" + text + "')");
        }
        LOG.warn("{} is deprecated; set {} instead (using {})", OLD_KEY, KEY, old);
        return old;
    }
}
