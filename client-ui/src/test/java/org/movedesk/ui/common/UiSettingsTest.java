package org.movedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiSettingsTest {

    @TempDir Path dir;

    @Test
    void valuesSurviveASaveAndLoad() {
        UiSettings settings = UiSettings.load(dir.resolve("sub/ui-settings.json"));
        settings.put("window.width", 1024.5);
        settings.put("theme.dark", true);
        settings.put("moves.list.statuses", "BOOKED,REQUESTED");
        settings.save();

        UiSettings again = UiSettings.load(dir.resolve("sub/ui-settings.json"));

        assertThat(again.getDouble("window.width", 0)).isEqualTo(1024.5);
        assertThat(again.getBoolean("theme.dark", false)).isTrue();
        assertThat(again.get("moves.list.statuses", "")).isEqualTo("BOOKED,REQUESTED");
        assertThat(again.get("missing")).isEmpty();
    }

    @Test
    void aDamagedFileIsSetAsideAndDefaultsAreUsed() throws Exception {
        Path file = dir.resolve("ui-settings.json");
        Files.writeString(file, "{ not json");

        UiSettings settings = UiSettings.load(file);

        assertThat(settings.get("window.width")).isEmpty();
        assertThat(dir.resolve("ui-settings.json.damaged")).exists().hasContent("{ not json");
        settings.put("theme.dark", false);
        settings.save();
        assertThat(UiSettings.load(file).getBoolean("theme.dark", true)).isFalse();
    }

    @Test
    void aWrongNumberFallsBackInsteadOfFailing() {
        UiSettings settings = UiSettings.load(dir.resolve("ui-settings.json"));
        settings.put("window.width", "wide");
        assertThat(settings.getDouble("window.width", 800)).isEqualTo(800);
    }

    @Test
    void nullRemovesAValue() {
        UiSettings settings = UiSettings.load(dir.resolve("ui-settings.json"));
        settings.put("a", "b");
        settings.put("a", null);
        assertThat(settings.get("a")).isEmpty();
    }
}
