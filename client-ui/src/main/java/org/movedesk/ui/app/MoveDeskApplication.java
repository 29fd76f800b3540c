package org.movedesk.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.ui.app.demo.DemoDataLoader;
import org.movedesk.ui.common.DeskEnvironment;
import org.movedesk.ui.common.ExecutorTaskRunner;
import org.movedesk.ui.common.FxDialogService;
import org.movedesk.ui.common.FxUiExecutor;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.ThemeService;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.common.ViewLoader;
import org.movedesk.ui.common.WindowBounds;
import org.movedesk.ui.shell.ShellView;
import org.movedesk.ui.signin.SignInView;
import org.movedesk.ui.signin.SignInViewModel;

/**
 * The JavaFX application. The window with the sign-in form appears first (no Spring needed
 * for it); the Spring context starts on a background thread right after, and the form
 * becomes usable when core is ready. After sign-in the shell replaces the form in the same
 * scene; signing out brings the form back.
 */
public class MoveDeskApplication extends Application {


    private volatile ConfigurableApplicationContext context;
    private UiInfrastructure infrastructure;
    private SignInViewModel signIn;
    private Parent signInRoot;
    private SignInView signInView;
    private StackPane screen;
    private ShellView shell;
    private Parent shellRoot;

    @Override
    public void start(Stage stage) {
        String[] args = getParameters().getRaw().toArray(String[]::new);
        DeskEnvironment environment = DeskEnvironment.resolve(args, System.getenv());
        UiSettings settings = UiSettings.load(environment.settingsFile());
        ThemeService theme = new ThemeService(settings);
        theme.applySaved();
        FxUiExecutor ui = new FxUiExecutor();
        FxDialogService dialogs = new FxDialogService(() -> stage, theme::stylesheets);
        ExecutorTaskRunner tasks = new ExecutorTaskRunner(ui, failure -> dialogs.showError("That did not work", failure));
        infrastructure = new UiInfrastructure(environment, settings, theme, ui, dialogs, tasks,
                new UiEventBus(), new Shortcuts(), new Session(), stage);

        signIn = new SignInViewModel(tasks);
        signIn.setOnSignedIn(this::signedIn);
        signInRoot = loadSignIn();
        screen = new StackPane(signInRoot);
        screen.getStyleClass().add("app-screen");
        Scene scene = new Scene(screen);
        scene.getStylesheets().addAll(theme.stylesheets());
        scene.addPostLayoutPulseListener(StartupClock::firstFrame);
        stage.setTitle(environment.demo() ? "MoveDesk \u2014 demo" : "MoveDesk");
        stage.setScene(scene);
        WindowBounds.restore(stage, settings);
        stage.setOnCloseRequest(event -> WindowBounds.remember(stage, settings));
        stage.show();
        if (StartupProbe.measuring()) {
            StartupProbe.watchdog();
        }

        Thread starter = new Thread(() -> startSpring(args), "movedesk-spring-start");
        starter.setDaemon(true);
        starter.start();
    }

    private Parent loadSignIn() {
        FXMLLoader loader = new FXMLLoader(SignInView.class.getResource("/org/movedesk/ui/signin/SignInView.fxml"));
        loader.setControllerFactory(type -> new SignInView(signIn));
        try {
            Parent root = loader.load();
            signInView = loader.getController();
            return root;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private void startSpring(String[] args) {
        try {
            ConfigurableApplicationContext started = DeskBootstrap.start(infrastructure, args);
            context = started;
            StartupClock.springReady();
            OperatorService operators = started.getBean(OperatorService.class);
            String deskId = started.getBean(DeskIdentity.class).deskId();
            List<String> demoOperators = started.getBean(DeskIdentity.class).demoOperatorLines();
            Platform.runLater(() -> {
                signIn.connect(operators, deskId, demoOperators);
                if (StartupProbe.signsIn()) {
                    StartupProbe.signIn(signIn);
                } else if (StartupProbe.measuring()) {
                    // scripts/bench-startup.sh without a sign-in: the figures are printed, the run is over
                    Platform.exit();
                    return;
                }
                started.getBeanProvider(DemoDataLoader.class).ifAvailable(DemoDataLoader::startIfNeeded);
            });
        } catch (Throwable failure) {
            LoggerFactory.getLogger(MoveDeskApplication.class).error("MoveDesk could not start", failure);
            Platform.runLater(() -> signIn.startFailed(failure));
        }
    }

    private void signedIn(Actor actor) {
        Session session = infrastructure.session();
        session.signedIn(actor);
        if (shell == null) {
            ViewLoader.Loaded<ShellView> loaded = context.getBean(ViewLoader.class).load("/org/movedesk/ui/shell/ShellView.fxml");
            shellRoot = loaded.root();
            shell = loaded.controller();
            shell.setOnSignOut(this::signOut);
        }
        screen.getChildren().setAll(shellRoot);
        if (StartupProbe.signsIn() && StartupClock.dashboardMs() < 0) {
            StartupClock.mark("signed-in");
            StartupProbe.watchDashboard(screen.getScene(), () -> {
                if (StartupProbe.measuring()) {
                    // a warm-up run also waits for the demo data, so later runs show a full day
                    StartupProbe.exitWhen(() -> context.getBeanProvider(DemoDataLoader.class).stream()
                            .allMatch(DemoDataLoader::isDone));
                }
            });
        }
        shell.start();
    }

    private void signOut() {
        if (shell != null) {
            shell.signedOut();
        }
        infrastructure.session().signedOut();
        signIn.reset();
        screen.getChildren().setAll(signInRoot);
        signInView.focusUsername();
    }

    @Override
    public void stop() {
        if (infrastructure != null) {
            WindowBounds.remember(infrastructure.stage(), infrastructure.settings());
            infrastructure.settings().save();
            infrastructure.tasks().close();
        }
        ConfigurableApplicationContext started = context;
        if (started != null) {
            started.close();
        }
    }

    /** For journey tests and the screenshot tool: the running context (null until ready). */
    public ConfigurableApplicationContext context() {
        return context;
    }

    public UiInfrastructure infrastructure() {
        return infrastructure;
    }
}
