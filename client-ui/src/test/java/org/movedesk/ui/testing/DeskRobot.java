package org.movedesk.ui.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.app.MoveDeskApplication;
import org.movedesk.ui.app.demo.DemoDataLoader;

/**
 * What every journey test on the real app shares: starting the desk in demo mode on its own
 * temp store (headless under Monocle), waiting on conditions with a deadline, finding nodes by
 * fx:id, shortcuts, signing in and out, and stopping the desk.
 */
public abstract class DeskRobot extends FxRobot {

    public static final int START_SECONDS = 120;
    public static final int WAIT_SECONDS = 30;

    /**
     * Starts the app on {@code store} with the demo data loaded; {@code --movedesk.store.dir} and
     * {@code --movedesk.security.session.idle-timeout=0} are added, the rest comes from {@code args}.
     */
    public static MoveDeskApplication startDesk(Path store, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--movedesk.store.dir=" + store, "--movedesk.security.session.idle-timeout=0"));
        all.addAll(List.of(args));
        FxToolkit.registerPrimaryStage();
        MoveDeskApplication app = (MoveDeskApplication) FxToolkit.setupApplication(MoveDeskApplication.class,
                all.toArray(String[]::new));
        WaitForAsyncUtils.waitFor(START_SECONDS, TimeUnit.SECONDS,
                () -> app.context() != null && app.context().getBean(DemoDataLoader.class).isDone());
        return app;
    }

    public static void stopDesk(MoveDeskApplication app, Path... folders) throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        for (Path folder : folders) {
            StoreFixture.deleteQuietly(folder);
        }
    }

    public static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        waitUntil(WAIT_SECONDS, condition);
    }

    public static void waitUntil(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected boolean present(String query) {
        return lookup(query).tryQuery().isPresent();
    }

    protected boolean showing(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    protected String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    /** Ctrl (Cmd on a Mac is not needed headless) with the keys, released in reverse order. */
    protected void shortcut(KeyCode... keys) {
        press(KeyCode.CONTROL);
        for (KeyCode key : keys) {
            press(key);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            release(keys[i]);
        }
        release(KeyCode.CONTROL);
    }

    protected void alt(KeyCode key) {
        press(KeyCode.ALT).type(key).release(KeyCode.ALT);
    }

    /** Signs out whoever is signed in (Ctrl+Shift+Q, confirmed) and signs in as {@code username}. */
    protected void signInAs(String username, String password) throws TimeoutException {
        signOut();
        waitUntil(() -> showing("#username") && !lookup("#signInButton").queryButton().isDisabled());
        interact(() -> lookup("#username").queryAs(TextField.class).clear());
        clickOn("#username").write(username);
        clickOn("#password").write(password).type(KeyCode.ENTER);
        waitUntil(() -> present("#operatorLabel") && showing("#operatorLabel")
                && text("#operatorLabel").startsWith(username));
    }

    protected void signOut() throws TimeoutException {
        if (present("#operatorLabel") && showing("#operatorLabel")) {
            shortcut(KeyCode.SHIFT, KeyCode.Q);
            waitUntil(() -> present("#dialogConfirm"));
            clickOn("#dialogConfirm");
            waitUntil(() -> showing("#username"));
        }
    }
}
