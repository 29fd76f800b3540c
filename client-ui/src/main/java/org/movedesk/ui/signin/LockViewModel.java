package org.movedesk.ui.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.movedesk.core.operators.OperatorService;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;

/**
 * Locks the desk after a period without keyboard or mouse input: the screen is covered and
 * the signed-in operator's password is needed again. The shell reports activity and asks
 * {@link #check()} on a timer; the clock is injected so tests need not wait ten minutes.
 */
public class LockViewModel {

    private final OperatorService operators;
    private final Session session;
    private final TaskRunner tasks;
    private final Clock clock;
    private volatile Duration lockAfter;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper("");
    private Instant lastActivity;

    public LockViewModel(OperatorService operators, Session session, TaskRunner tasks, Clock clock, Duration lockAfter) {
        this.operators = operators;
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.lockAfter = lockAfter;
        this.lastActivity = clock.instant();
    }

    public void activity() {
        if (!locked.get()) {
            lastActivity = clock.instant();
        }
    }

    /** Locks when the desk has been idle for the configured time; returns whether it is locked. */
    public boolean check() {
        if (!locked.get() && session.current().isPresent()
                && !lockAfter.isZero() && !lockAfter.isNegative()
                && Duration.between(lastActivity, clock.instant()).compareTo(lockAfter) >= 0) {
            lock();
        }
        return locked.get();
    }

    public void lock() {
        session.current().ifPresent(actor -> {
            who.set("Locked. " + actor.username() + ", enter your password to carry on.");
            password.set("");
            error.set("");
            locked.set(true);
        });
    }

    public void unlock() {
        if (!locked.get() || busy.get()) {
            return;
        }
        var actor = session.require();
        char[] secret = password.get().toCharArray();
        busy.set(true);
        tasks.run(BackgroundTask.of("Unlocking", progress -> operators.signIn(actor.username(), secret, actor.deskId()))
                .quiet()
                .onSuccess(same -> {
                    password.set("");
                    error.set("");
                    locked.set(false);
                    lastActivity = clock.instant();
                })
                .onFailure(failure -> {
                    password.set("");
                    error.set(ErrorMessages.forUser(failure));
                })
                .onFinished(() -> {
                    Arrays.fill(secret, '\0');
                    busy.set(false);
                }));
    }

    /** Sign out from the lock screen (another operator needs the desk). */
    public void releaseLock() {
        locked.set(false);
        password.set("");
        error.set("");
    }

    public Duration lockAfter() {
        return lockAfter;
    }

    /** The administrator changed the inactivity timeout (Administration, Appearance and lock); zero = never. */
    public void setLockAfter(Duration newLockAfter) {
        this.lockAfter = newLockAfter == null ? Duration.ZERO : newLockAfter;
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whoProperty() {
        return who.getReadOnlyProperty();
    }
}
