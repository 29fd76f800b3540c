package org.movedesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.movedesk.ui.common.UiSettings;

class SettingsViewModelTest {

    @TempDir Path dir;
    private boolean dark;
    private Duration lockAfter = Duration.ofMinutes(10);

    private SettingsViewModel model(UiSettings settings) {
        return new SettingsViewModel(settings, new SettingsViewModel.ThemeSwitch() {
            @Override
            public boolean dark() {
                return dark;
            }

            @Override
            public void toggle() {
                dark = !dark;
            }
        }, new SettingsViewModel.LockTimeout() {
            @Override
            public Duration current() {
                return lockAfter;
            }

            @Override
            public void set(Duration after) {
                lockAfter = after;
            }
        });
    }

    @Test
    void appliesThemeAndLockTimeoutAndKeepsThemForTheNextStart() {
        UiSettings settings = UiSettings.load(dir.resolve("ui.json"));
        SettingsViewModel model = model(settings);
        assertThat(model.lockMinutesProperty().get()).isEqualTo(10);
        model.darkProperty().set(true);
        model.lockMinutesProperty().set(3);
        assertThat(model.apply()).isTrue();
        assertThat(dark).isTrue();
        assertThat(lockAfter).isEqualTo(Duration.ofMinutes(3));
        assertThat(model.noticeProperty().get()).contains("after 3 idle minutes");

        UiSettings reread = UiSettings.load(dir.resolve("ui.json"));
        assertThat(SettingsViewModel.savedLockAfter(reread, Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void outOfRangeTimeoutIsRefusedAndNothingChanges() {
        SettingsViewModel model = model(UiSettings.load(dir.resolve("ui.json")));
        model.lockMinutesProperty().set(-1);
        assertThat(model.apply()).isFalse();
        assertThat(model.errorProperty().get()).contains("between 0 (never lock) and 480");
        assertThat(lockAfter).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void zeroMeansNeverAndADamagedValueFallsBack() {
        UiSettings settings = UiSettings.load(dir.resolve("ui.json"));
        SettingsViewModel model = model(settings);
        model.lockMinutesProperty().set(0);
        model.apply();
        assertThat(lockAfter).isZero();
        assertThat(model.noticeProperty().get()).contains("will not lock by itself");
        settings.put(SettingsViewModel.LOCK_MINUTES, "soon");
        assertThat(SettingsViewModel.savedLockAfter(settings, Duration.ofMinutes(7))).isEqualTo(Duration.ofMinutes(7));
    }
}
