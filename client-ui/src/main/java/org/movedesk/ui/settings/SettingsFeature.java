package org.movedesk.ui.settings;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import org.movedesk.ui.common.ThemeService;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.signin.LockViewModel;

/** Theme and inactivity lock; shown on the Administration screen. Applies the saved timeout at start. */
@Configuration(proxyBeanMethods = false)
public class SettingsFeature {

    /** Marker bean: the saved lock timeout is applied when the context starts. */
    public record SavedLockTimeoutApplied(Duration lockAfter) {
    }

    @Bean
    SavedLockTimeoutApplied savedLockTimeoutApplied(LockViewModel lock, UiSettings settings) {
        Duration after = SettingsViewModel.savedLockAfter(settings, lock.lockAfter());
        lock.setLockAfter(after);
        return new SavedLockTimeoutApplied(after);
    }

    @Bean
    @Scope("prototype")
    SettingsViewModel settingsViewModel(UiSettings settings, ThemeService theme, LockViewModel lock) {
        return new SettingsViewModel(settings, new SettingsViewModel.ThemeSwitch() {
            @Override
            public boolean dark() {
                return theme.darkProperty().get();
            }

            @Override
            public void toggle() {
                theme.toggle();
            }
        }, new SettingsViewModel.LockTimeout() {
            @Override
            public Duration current() {
                return lock.lockAfter();
            }

            @Override
            public void set(Duration after) {
                lock.setLockAfter(after);
            }
        });
    }
}
