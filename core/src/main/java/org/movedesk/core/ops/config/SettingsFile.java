package org.movedesk.core.ops.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.common.ValidationException;

/**
 * The file the settings screen writes: the highest configuration layer below one-off command-line
 * options (see {@link ConfigLayers}). Read at start; changes apply at the next start. Secrets are
 * refused here: they belong in the {@link org.movedesk.core.security.SecretStore}.
 */
public final class SettingsFile {

    /**
     * Keys that name a secret. An address is never one, even when its name mentions a token
     * ({@code movedesk.central.token-url}): keys ending in {@code url} or {@code uri} are settings.
     */
    public static final Pattern SECRET_KEY = Pattern.compile("(?i)(?!.*ur[li]$).*(password|secret|token|credential|private).*");

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    public static Path defaultLocation(Path configDir) {
        return configDir.resolve("settings.properties");
    }

    public Path file() {
        return file;
    }

    public Map<String, String> read() {
        Map<String, String> out = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            ConfigLayers.read(file).forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    /** Replaces the file's content atomically with these values (sorted, for people who read it). */
    public void write(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (SECRET_KEY.matcher(key).matches()) {
                throw new ValidationException(key, "The setting " + key + " is a secret; store it with the secret store, "
                        + "never in the settings file.");
            }
        }
        Properties properties = new Properties() {
            @Override
            public synchronized java.util.Set<Map.Entry<Object, Object>> entrySet() {
                // sorted keys: people read and compare this file
                TreeMap<Object, Object> sorted = new TreeMap<>();
                for (Object key : keySet()) {
                    sorted.put(key, get(key));
                }
                return java.util.Collections.synchronizedSet(sorted.entrySet());
            }
        };
        properties.putAll(values);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "Written by the MoveDesk settings screen; applies at the next start");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MoveDeskException("SETTINGS_NOT_SAVED", "The settings could not be saved to " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
