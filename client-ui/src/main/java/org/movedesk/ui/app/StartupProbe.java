package org.movedesk.ui.app;

import java.util.function.BooleanSupplier;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.util.Duration;

import org.movedesk.ui.signin.SignInViewModel;

/**
 * Benchmark-only hooks for scripts/bench-startup.sh, off unless its system properties are set:
 * signs in with a given operator the moment the form becomes usable (as a fast operator would),
 * notes when the dashboard first shows today's data, and ends a measured run there.
 * <p>
 * "Usable dashboard" = signed in and the dashboard laid out with today's moves and counts read
 * from the store: the first layout pulse after sign-in in which the dashboard's heading (set by
 * the same FX update that fills the tables and the count cards) is not empty.
 */
final class StartupProbe {

    /** {@code user:password}; on a store without operators that account is created first. */
    static final String SIGN_IN = "movedesk.bench.sign-in";
    /** Print the milestones and exit once they are measured. */
    static final String MEASURE = "movedesk.startup.measure";

    private StartupProbe() {
    }

    static boolean measuring() {
        return Boolean.getBoolean(MEASURE);
    }

    static boolean signsIn() {
        return !System.getProperty(SIGN_IN, "").isBlank();
    }

    /** Fills the form and submits it (first run: creates the administrator with these details). */
    static void signIn(SignInViewModel form) {
        String value = System.getProperty(SIGN_IN);
        int colon = value.indexOf(':');
        String user = colon < 0 ? value : value.substring(0, colon);
        String password = colon < 0 ? value : value.substring(colon + 1);
        form.usernameProperty().set(user);
        form.passwordProperty().set(password);
        if (form.firstRunProperty().get()) {
            form.displayNameProperty().set("Benchmark operator");
            form.confirmPasswordProperty().set(password);
            form.createFirstAdmin();
        } else {
            form.signIn();
        }
    }

    /**
     * Watches layout pulses until the dashboard shows data, then runs {@code whenShown} once.
     * The listener removes itself, so later pulses cost nothing.
     */
    static void watchDashboard(Scene scene, Runnable whenShown) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            Node heading = scene.lookup("#dashboardHeading");
            if (heading instanceof Labeled label && label.getText() != null && !label.getText().isBlank()) {
                scene.removePostLayoutPulseListener(self[0]);
                StartupClock.dashboardReady();
                whenShown.run();
            }
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    /** A measured run that cannot finish (start or sign-in failed) ends after this instead of hanging. */
    static void watchdog() {
        Timeline deadline = new Timeline(new KeyFrame(Duration.minutes(3), event -> {
            System.out.println("movedesk.startup gave-up-ms=" + StartupClock.sinceJvmStart());
            Platform.exit();
        }));
        deadline.play();
    }

    /** Exits the FX application once {@code done} is true (checked every 100 ms on the FX thread). */
    static void exitWhen(BooleanSupplier done) {
        if (done.getAsBoolean()) {
            Platform.exit();
            return;
        }
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(100), event -> {
            if (done.getAsBoolean()) {
                Platform.exit();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }
}
