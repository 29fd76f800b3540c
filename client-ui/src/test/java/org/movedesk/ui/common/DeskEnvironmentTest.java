package org.movedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeskEnvironmentTest {

    private static final String HOME = System.getProperty("user.home");

    @Test
    void defaultIsDemoModeInItsOwnFolder() {
        DeskEnvironment env = DeskEnvironment.resolve(new String[0], Map.of());

        assertThat(env.mode()).isEqualTo(DeskEnvironment.Mode.DEMO);
        assertThat(env.storeDir()).isEqualTo(Path.of(HOME, ".movedesk", "demo"));
        assertThat(env.settingsFile()).isEqualTo(Path.of(HOME, ".movedesk", "demo", "ui-settings.json"));
    }

    @Test
    void centralModeUsesTheRealDataFolder() {
        DeskEnvironment env = DeskEnvironment.resolve(new String[0], Map.of("MOVEDESK_MODE", "central"));

        assertThat(env.demo()).isFalse();
        assertThat(env.storeDir()).isEqualTo(Path.of(HOME, ".movedesk", "data"));
    }

    @Test
    void commandLineWinsOverTheEnvironment() {
        DeskEnvironment env = DeskEnvironment.resolve(
                new String[] {"--movedesk.mode=Central", "--movedesk.store.dir=/tmp/desk-a"},
                Map.of("MOVEDESK_MODE", "demo", "MOVEDESK_STORE_DIR", "/tmp/desk-b"));

        assertThat(env.mode()).isEqualTo(DeskEnvironment.Mode.CENTRAL);
        assertThat(env.storeDir()).isEqualTo(Path.of("/tmp/desk-a"));
    }

    @Test
    void anUnknownModeIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> DeskEnvironment.resolve(new String[] {"--movedesk.mode=live"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("movedesk.mode must be demo or central, not 'live'");
    }

    /** The same five layers as core's ConfigLayers (docs/configuration.md), each shown winning over the one below. */
    @Test
    void readsTheSameLayersAsCoresConfiguration(@org.junit.jupiter.api.io.TempDir Path config) throws Exception {
        java.nio.file.Files.writeString(config.resolve("movedesk.properties"),
                "movedesk.mode=central\nmovedesk.store.dir=/tmp/from-config-file\n");
        String[] inConfig = {"--movedesk.config.dir=" + config};

        DeskEnvironment fromConfigFile = DeskEnvironment.resolve(inConfig, Map.of());
        assertThat(fromConfigFile.mode()).as("layer 2: the config file").isEqualTo(DeskEnvironment.Mode.CENTRAL);
        assertThat(fromConfigFile.storeDir()).isEqualTo(Path.of("/tmp/from-config-file"));

        assertThat(DeskEnvironment.resolve(inConfig, Map.of("MOVEDESK_STORE_DIR", "/tmp/from-env")).storeDir())
                .as("layer 3: the environment beats the config file").isEqualTo(Path.of("/tmp/from-env"));

        java.nio.file.Files.writeString(config.resolve("settings.properties"), "movedesk.store.dir=/tmp/from-settings-screen\n");
        assertThat(DeskEnvironment.resolve(inConfig, Map.of("MOVEDESK_STORE_DIR", "/tmp/from-env")).storeDir())
                .as("layer 4: the settings screen beats the environment").isEqualTo(Path.of("/tmp/from-settings-screen"));

        String[] withCommandLine = {"--movedesk.config.dir=" + config, "--movedesk.store.dir=/tmp/from-command-line"};
        assertThat(DeskEnvironment.resolve(withCommandLine, Map.of("MOVEDESK_STORE_DIR", "/tmp/from-env")).storeDir())
                .as("layer 5: the command line beats everything").isEqualTo(Path.of("/tmp/from-command-line"));
    }

    @Test
    void anExplicitConfigFileAndSettingsFileAreHonoured(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path site = dir.resolve("site.properties");
        java.nio.file.Files.writeString(site, "movedesk.mode=central\n");
        Path screen = dir.resolve("screen.properties");
        java.nio.file.Files.writeString(screen, "movedesk.store.dir=/tmp/screen-store\n");

        DeskEnvironment env = DeskEnvironment.resolve(new String[] {"--movedesk.config.dir=" + dir.resolve("empty")},
                Map.of("MOVEDESK_CONFIG", site.toString(), "MOVEDESK_SETTINGS_FILE", screen.toString()));

        assertThat(env.mode()).isEqualTo(DeskEnvironment.Mode.CENTRAL);
        assertThat(env.storeDir()).isEqualTo(Path.of("/tmp/screen-store"));
        assertThat(DeskEnvironment.resolve(new String[] {"--config=" + dir.resolve("missing.properties"),
                "--movedesk.config.dir=" + dir}, Map.of()).mode())
                .as("a missing file is left for Spring to report; the desk still opens its window").isEqualTo(DeskEnvironment.Mode.DEMO);
    }
}
