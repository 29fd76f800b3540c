package org.movedesk.ui.common;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Mode and store folder, resolved before Spring starts (the first frame needs the saved
 * window bounds and theme). Order: command line {@code --key=value}, system property,
 * environment variable ({@code MOVEDESK_MODE}, {@code MOVEDESK_STORE_DIR}), default.
 * The resolved values are handed to Spring so both agree.
 */
public record DeskEnvironment(Mode mode, Path storeDir) {

    public static final String MODE_KEY = "movedesk.mode";
    public static final String STORE_KEY = "movedesk.store.dir";

    /** demo: in-process sandbox with demo data; central: the real central services. */
    public enum Mode {
        DEMO, CENTRAL;

        static Mode parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("movedesk.mode must be demo or central, not '" + text + "'");
            }
        }
    }

    public static DeskEnvironment resolve(String[] args, Map<String, String> env) {
        Mode mode = Mode.parse(lookup(MODE_KEY, args, env, "demo"));
        String home = System.getProperty("user.home");
        String defaultDir = mode == Mode.DEMO
                ? Path.of(home, ".movedesk", "demo").toString()
                : Path.of(home, ".movedesk", "data").toString();
        Path storeDir = Path.of(lookup(STORE_KEY, args, env, defaultDir)).toAbsolutePath();
        return new DeskEnvironment(mode, storeDir);
    }

    public static String lookup(String key, String[] args, Map<String, String> env, String fallback) {
        String prefix = "--" + key + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = env.get(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        if (variable != null && !variable.isBlank()) {
            return variable;
        }
        return fallback;
    }

    public boolean demo() {
        return mode == Mode.DEMO;
    }

    public Path settingsFile() {
        return storeDir.resolve("ui-settings.json");
    }
}
