package org.movedesk.ui.settings;

import java.time.Duration;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import org.movedesk.ui.common.UiSettings;

/**
 * The desk's look and the inactivity lock: dark or light theme, and after how many idle
 * minutes the desk locks (0 = never; at most 8 hours). Both are kept in the UI settings file.
 */
public class SettingsViewModel {

    public static final String LOCK_MINUTES = "ui.lock-after-minutes";
    static final int MAX_MINUTES = 480;

    /** Applies a new theme; the app passes the theme service. */
    public interface ThemeSwitch {
        boolean dark();

        void toggle();
    }

    /** Applies a new lock timeout; the app passes the lock view model. */
    public interface LockTimeout {
        Duration current();

        void set(Duration after);
    }

    private final UiSettings settings;
    private final ThemeSwitch theme;
    private final LockTimeout lock;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final IntegerProperty lockMinutes = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public SettingsViewModel(UiSettings settings, ThemeSwitch theme, LockTimeout lock) {
        this.settings = settings;
        this.theme = theme;
        this.lock = lock;
        load();
    }

    /** The saved timeout (or the configured default) as the lock should use it at start-up. */
    public static Duration savedLockAfter(UiSettings settings, Duration fallback) {
        double minutes = settings.getDouble(LOCK_MINUTES, -1);
        return minutes < 0 || minutes > MAX_MINUTES ? fallback : Duration.ofMinutes((long) minutes);
    }

    public void load() {
        dark.set(theme.dark());
        lockMinutes.set((int) lock.current().toMinutes());
        notice.set("");
        error.set("");
    }

    public boolean apply() {
        int minutes = lockMinutes.get();
        if (minutes < 0 || minutes > MAX_MINUTES) {
            error.set("Choose between 0 (never lock) and " + MAX_MINUTES + " minutes.");
            return false;
        }
        if (dark.get() != theme.dark()) {
            theme.toggle();
        }
        lock.set(Duration.ofMinutes(minutes));
        settings.put(LOCK_MINUTES, minutes);
        settings.save();
        error.set("");
        notice.set(minutes == 0 ? "Saved. The desk will not lock by itself; lock it with Ctrl+L when you leave."
                : "Saved. The desk locks after " + minutes + " idle minute" + (minutes == 1 ? "" : "s") + ".");
        return true;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public IntegerProperty lockMinutesProperty() {
        return lockMinutes;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
