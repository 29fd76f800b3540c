package org.movedesk.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's look and layout (window bounds, theme, table columns, list filters) in a small
 * JSON file next to the store, so a demo store and a real store keep their own layout and a
 * support person can read or delete it. Written atomically; a damaged file is set aside and
 * the defaults are used, never a crash.
 */
public final class UiSettings {

    private static final Logger LOG = LoggerFactory.getLogger(UiSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final TreeMap<String, String> values;

    private UiSettings(Path file, TreeMap<String, String> values) {
        this.file = file;
        this.values = values;
    }

    public static UiSettings load(Path file) {
        TreeMap<String, String> values = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try {
                values.putAll(JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() { }));
            } catch (IOException | RuntimeException damaged) {
                Path aside = file.resolveSibling(file.getFileName() + ".damaged");
                LOG.warn("UI settings {} could not be read ({}); using defaults, old file kept as {}",
                        file, damaged.getMessage(), aside);
                try {
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // keeping defaults matters more than keeping the damaged copy
                }
            }
        }
        return new UiSettings(file, values);
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public synchronized String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public synchronized double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException damaged) {
            return fallback;
        }
    }

    public synchronized boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    public synchronized void put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, String.valueOf(value));
        }
    }

    /** Writes the file; called when the window closes and after deliberate choices (theme). */
    public synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), values);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            LOG.warn("UI settings could not be saved to {}: {}", file, failed.getMessage());
        }
    }

    public Path file() {
        return file;
    }
}
