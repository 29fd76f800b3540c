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
}
