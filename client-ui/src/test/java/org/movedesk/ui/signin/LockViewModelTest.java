package org.movedesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.movedesk.core.operators.Role;
import org.movedesk.ui.testing.ViewModelTest;

class LockViewModelTest extends ViewModelTest {

    private LockViewModel lock;

    @BeforeEach
    void setUp() {
        signIn(operator("lock-staff", Role.PRISON_STAFF));
        lock = new LockViewModel(operators, session, tasks, clock, Duration.ofMinutes(10));
    }

    @Test
    void locksAfterTheConfiguredIdleTimeAndNotBefore() {
        clock.advance(Duration.ofMinutes(9));
        assertThat(lock.check()).isFalse();

        lock.activity();
        clock.advance(Duration.ofMinutes(9));
        assertThat(lock.check()).as("activity restarted the idle time").isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(lock.check()).isTrue();
        assertThat(lock.whoProperty().get()).contains("lock-staff");
    }

    @Test
    void wrongPasswordKeepsTheDeskLocked() {
        lock.lock();
        lock.passwordProperty().set("guess");

        lock.unlock();

        assertThat(lock.lockedProperty().get()).isTrue();
        assertThat(lock.errorProperty().get()).isEqualTo("Wrong username or password.");
        assertThat(lock.passwordProperty().get()).isEmpty();
    }

    @Test
    void rightPasswordUnlocksAndRestartsTheIdleTime() {
        lock.lock();
        lock.passwordProperty().set(PASSWORD);

        lock.unlock();

        assertThat(lock.lockedProperty().get()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(lock.check()).isFalse();
    }

    @Test
    void activityWhileLockedDoesNotUnlock() {
        lock.lock();
        lock.activity();
        assertThat(lock.check()).isTrue();
    }

    @Test
    void zeroMeansNeverLock() {
        LockViewModel never = new LockViewModel(operators, session, tasks, clock, Duration.ZERO);
        clock.advance(Duration.ofDays(1));
        assertThat(never.check()).isFalse();
    }

    @Test
    void nobodySignedInMeansNothingToLock() {
        session.signedOut();
        clock.advance(Duration.ofHours(1));
        assertThat(lock.check()).isFalse();
    }
}
