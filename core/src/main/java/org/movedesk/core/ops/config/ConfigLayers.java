package org.movedesk.core.ops.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.store.StoreSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * MoveDesk's configuration layers, lowest to highest precedence (docs/configuration.md):
 * <ol>
 * <li>built-in defaults (application.properties, core's defaults);</li>
 * <li>the config file: {@code --config=<file>} (or {@code MOVEDESK_CONFIG}), else
 *     {@code ~/.movedesk/movedesk.properties} if it exists;</li>
 * <li>environment variables {@code MOVEDESK_*} (Spring's relaxed names: {@code MOVEDESK_STORE_DIR}
 *     sets {@code movedesk.store.dir}) and Java system properties;</li>
 * <li>the settings file the settings screen writes ({@code ~/.movedesk/settings.properties});</li>
 * </ol>
 * and, above all, {@code --key=value} on the command line for a single run.
 */
public class ConfigLayers implements EnvironmentPostProcessor, Ordered {

    public static final String CONFIG_FILE_SOURCE = "movedesk-config-file";
    public static final String SETTINGS_SOURCE = "movedesk-settings-file";
    public static final String DEFAULTS_SOURCE = "movedesk-desk-defaults";
    public static final String CONFIG_OPTION = "config";
    public static final String CONFIG_PROPERTY = "movedesk.config";
    public static final String SETTINGS_PROPERTY = "movedesk.settings.file";
    public static final String LOG_DIR = "movedesk.log.dir";

    /** After Spring Boot's config data (application.properties) is loaded, before anything reads it. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        MutablePropertySources sources = env.getPropertySources();
        Path configDir = StoreSettings.configDir(env::getProperty);

        Path configFile = explicitConfigFile(env::getProperty);
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new MoveDeskException("CONFIG_FILE_MISSING", "The config file " + configFile
                    + " given with --config does not exist; check the path.");
        }
        if (configFile == null) {
            configFile = configDir.resolve("movedesk.properties");
        }
        if (Files.isRegularFile(configFile)) {
            MapPropertySource file = new MapPropertySource(CONFIG_FILE_SOURCE + " [" + configFile + "]", read(configFile));
            addBelowEnvironment(sources, file);
        }

        String settingsName = env.getProperty(SETTINGS_PROPERTY);
        Path settings = settingsName == null || settingsName.isBlank()
                ? SettingsFile.defaultLocation(configDir) : Path.of(settingsName);
        if (Files.isRegularFile(settings)) {
            MapPropertySource screen = new MapPropertySource(SETTINGS_SOURCE + " [" + settings + "]", read(settings));
            if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, screen);
            } else {
                sources.addFirst(screen);
            }
        }

        // the running desk (demo or central) logs to a file in the config folder; tests do not
        if (env.containsProperty("movedesk.mode") && !env.containsProperty(LOG_DIR)) {
            Map<String, Object> defaults = new HashMap<>();
            defaults.put(LOG_DIR, configDir.resolve("logs").toString());
            sources.addLast(new MapPropertySource(DEFAULTS_SOURCE, defaults));
        }
    }

    static Path explicitConfigFile(java.util.function.Function<String, String> lookup) {
        for (String key : new String[] {CONFIG_OPTION, CONFIG_PROPERTY}) {
            String value = lookup.apply(key);
            if (value != null && !value.isBlank()) {
                return Path.of(value).toAbsolutePath();
            }
        }
        return null;
    }

    private static void addBelowEnvironment(MutablePropertySources sources, MapPropertySource source) {
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
    }

    static Map<String, Object> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new MoveDeskException("CONFIG_FILE_UNREADABLE", "The configuration file " + file
                    + " cannot be read: " + e.getMessage() + ". Fix or remove it.", e);
        }
        Map<String, Object> map = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k).trim()));
        return map;
    }
}
