package org.movedesk.ui.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.movedesk.ui.app.MoveDeskApplication;
import org.movedesk.ui.app.demo.DemoDataLoader;

/**
 * What the screenshot programs share (scripts/screenshots.sh runs them under Xvfb): the
 * command line (OUTPUT_DIR [STORE_DIR]), the real desk started in demo mode in a 1280x800
 * window on a fresh store, waits with a deadline, a settle before each picture, and the PNG.
 */
abstract class ScreenshotTool extends FxRobot {

    protected Path output;
    protected MoveDeskApplication app;
    protected Stage stage;

    /** Drives the desk and takes the pictures; the desk is started with {@link #startDesk}. */
    protected abstract void run(Path store) throws Exception;

    /** Parses the arguments, runs the tool, stops the desk and exits with 0 or 1. */
    static void main(ScreenshotTool tool, String[] args) throws Exception {
        tool.output = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path store = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("movedesk-screenshots");
        Files.createDirectories(tool.output);
        int status = 0;
        try {
            tool.run(store);
        } catch (Throwable failed) {
            failed.printStackTrace();
            status = 1;
        } finally {
            try {
                FxToolkit.cleanupApplication(tool.app);
            } catch (Throwable ignored) {
                // exiting anyway
            }
            System.exit(status);
        }
    }

    /** The desk on {@code store}, never locking, 1280x800 at the top left, sign-in usable and demo data loaded. */
    protected void startDesk(Path store, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--movedesk.store.dir=" + store, "--movedesk.security.session.idle-timeout=0"));
        all.addAll(List.of(args));
        stage = FxToolkit.registerPrimaryStage();
        app = (MoveDeskApplication) FxToolkit.setupApplication(MoveDeskApplication.class, all.toArray(String[]::new));
        interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        waitUntil(180, () -> app.context() != null && !lookup("#signInButton").queryButton().isDisabled());
        waitUntil(300, () -> app.context().getBean(DemoDataLoader.class).isDone());
    }

    protected static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lets background reads land and a couple of pulses pass before the picture. */
    protected void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> true);
            WaitForAsyncUtils.waitForFxEvents(3);
        }
    }

    protected void shoot(String name) {
        WritableImage[] image = new WritableImage[1];
        interact(() -> image[0] = stage.getScene().snapshot(null));
        Path file = output.resolve(name + ".png");
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        System.out.println("saved " + file);
    }
}
