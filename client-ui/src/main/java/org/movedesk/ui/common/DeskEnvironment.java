package org.movedesk.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.movedesk.core.ops.config.SettingsFile;
import org.movedesk.core.store.StoreSettings;

/**
 * Mode and store folder, resolved before Spring starts (the first frame needs the saved
 * window bounds and theme). The layers are core's {@code ConfigLayers} (docs/configuration.md),
 * highest first: command line {@code --key=value}; the settings screen's file
 * ({@code <config dir>/settings.properties}); Java system property and environment variable
 * ({@code MOVEDESK_MODE}, {@code MOVEDESK_STORE_DIR}); the config file ({@code --config=<file>},
 * else {@code <config dir>/movedesk.properties}); the default. Read with plain
 * {@link Properties} rather than a Spring environment so the first frame does not wait for
 * Spring. The resolved values are handed to Spring so both agree.
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
        String given = commandLine(key, args);
        if (given != null) {
            return given;
        }
        String chosen = fileValue(settingsFile(args, env), key);
        if (chosen != null) {
            return chosen;
        }
        String outside = systemOrEnvironment(key, env);
        if (outside != null) {
            return outside;
        }
        String site = fileValue(configFile(args, env), key);
        return site != null ? site : fallback;
    }

    /** Where core's {@code ConfigLayers} looks for them: decided by the command line, system properties and environment. */
    private static Function<String, String> outerLayers(String[] args, Map<String, String> env) {
        return key -> {
            String given = commandLine(key, args);
            return given != null ? given : systemOrEnvironment(key, env);
        };
    }

    static Path settingsFile(String[] args, Map<String, String> env) {
        Function<String, String> outer = outerLayers(args, env);
        String named = outer.apply("movedesk.settings.file");
        return named == null ? SettingsFile.defaultLocation(StoreSettings.configDir(outer)) : Path.of(named);
    }

    static Path configFile(String[] args, Map<String, String> env) {
        Function<String, String> outer = outerLayers(args, env);
        for (String key : new String[] {"config", "movedesk.config"}) {
            String named = outer.apply(key);
            if (named != null) {
                return Path.of(named);
            }
        }
        return StoreSettings.configDir(outer).resolve("movedesk.properties");
    }

    private static String commandLine(String key, String[] args) {
        String prefix = "--" + key + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return null;
    }

    /** System property first, then the variable in Spring's relaxed form (upper case, dots and dashes as underscores). */
    private static String systemOrEnvironment(String key, Map<String, String> env) {
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = env.get(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return variable != null && !variable.isBlank() ? variable : null;
    }

    /**
     * A missing or unreadable file is skipped here: Spring reads the same file next and reports
     * the problem on the sign-in screen with its path.
     */
    private static String fileValue(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public boolean demo() {
        return mode == Mode.DEMO;
    }

    public Path settingsFile() {
        return storeDir.resolve("ui-settings.json");
    }
}
