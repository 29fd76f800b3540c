package org.movedesk.ui.shell;

import java.util.HashMap;
import java.util.Map;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.ui.common.DialogService;
import org.movedesk.ui.common.Icons;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.ThemeService;
import org.movedesk.ui.common.ViewLoader;
import org.movedesk.ui.signin.LockViewModel;

/**
 * The main window's frame: app bar, sidebar (one button per {@link NavigationEntry}),
 * content, status bar and the lock cover. Views are loaded once and kept, so each keeps its
 * filters and scroll position while the operator moves around.
 */
@Component
@Scope("prototype")
public class ShellView {

    private static final String AREA = "Everywhere";

    private final ShellViewModel model;
    private final LockViewModel lock;
    private final ViewLoader views;
    private final ThemeService theme;
    private final Shortcuts shortcuts;
    private final DialogService dialogs;
    private final TaskRunner tasks;
    private final Map<String, ViewLoader.Loaded<?>> loaded = new HashMap<>();
    private final ToggleGroup sidebarGroup = new ToggleGroup();
    private Runnable onSignOut = () -> { };
    private Timeline lockTimer;
    private Object shownController;
    private Scene installedOn;

    @FXML private StackPane shellRoot;
    @FXML private BorderPane shellFrame;
    @FXML private Label screenTitle;
    @FXML private Label operatorLabel;
    @FXML private Button themeButton;
    @FXML private Button helpButton;
    @FXML private Button lockButton;
    @FXML private Button signOutButton;
    @FXML private VBox sidebar;
    @FXML private StackPane content;
    @FXML private StackPane lockPane;
    @FXML private Label lockMessage;
    @FXML private PasswordField unlockPassword;
    @FXML private Label unlockError;
    @FXML private Button unlockButton;

    public ShellView(ShellViewModel model, LockViewModel lock, ViewLoader views, ThemeService theme,
                     Shortcuts shortcuts, DialogService dialogs, TaskRunner tasks) {
        this.model = model;
        this.lock = lock;
        this.views = views;
        this.theme = theme;
        this.shortcuts = shortcuts;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    @FXML
    private void initialize() {
        operatorLabel.textProperty().bind(model.operatorTextProperty());
        themeButton.setGraphic(Icons.of("mdal-brightness_4"));
        themeButton.setTooltip(new Tooltip("Light / dark theme (Ctrl+Shift+T)"));
        helpButton.setGraphic(Icons.of("mdal-keyboard"));
        helpButton.setTooltip(new Tooltip("Keyboard shortcuts (F1 or Ctrl+/)"));
        lockButton.setGraphic(Icons.of("mdal-lock"));
        lockButton.setTooltip(new Tooltip("Lock the desk (Ctrl+L)"));
        model.currentProperty().addListener((obs, old, route) -> showRoute(route));

        lockPane.visibleProperty().bind(lock.lockedProperty());
        shellFrame.disableProperty().bind(lock.lockedProperty());
        lockMessage.textProperty().bind(lock.whoProperty());
        unlockPassword.textProperty().bindBidirectional(lock.passwordProperty());
        unlockError.textProperty().bind(lock.errorProperty());
        unlockButton.disableProperty().bind(lock.busyProperty());
        unlockPassword.setOnAction(event -> lock.unlock());
        lock.lockedProperty().addListener((obs, was, locked) -> {
            if (locked) {
                Platform.runLater(unlockPassword::requestFocus);
            }
        });
        shellRoot.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installOn(scene);
            }
        });
    }

    public void setOnSignOut(Runnable callback) {
        this.onSignOut = callback;
    }

    /** After a sign-in: rebuild the sidebar for this operator and show the first screen. */
    public void start() {
        dropViews();
        model.start();
        rebuildSidebar();
        lock.activity();
        if (model.currentProperty().get() != null) {
            showRoute(model.currentProperty().get());
        }
    }

    /**
     * At sign-out: the operator's views are thrown away and their view models detached from the
     * event bus and sync's status, so they neither react for the next operator nor leak.
     */
    public void signedOut() {
        dropViews();
    }

    private void dropViews() {
        loaded.values().forEach(view -> {
            if (view.controller() instanceof RouteAware aware) {
                aware.onHide();
                aware.dispose();
            }
        });
        loaded.clear();
        shownController = null;
        content.getChildren().clear();
    }

    private void rebuildSidebar() {
        sidebar.getChildren().clear();
        sidebarGroup.getToggles().clear();
        for (NavigationEntry entry : model.sidebar()) {
            ToggleButton button = new ToggleButton(entry.title(), Icons.of(entry.icon()));
            button.setId("nav-" + entry.id());
            button.setToggleGroup(sidebarGroup);
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("sidebar-button");
            KeyCombination keys = entry.keys();
            String hint = keys == null ? entry.title() : entry.title() + " (" + keys.getDisplayText() + ")";
            button.setTooltip(new Tooltip(hint));
            button.setAccessibleText(hint);
            button.setOnAction(event -> {
                model.show(entry.id());
                button.setSelected(true);
            });
            sidebar.getChildren().add(button);
        }
    }

    private void showRoute(ShellViewModel.Route route) {
        if (route == null) {
            return;
        }
        NavigationEntry entry = route.entry();
        ViewLoader.Loaded<?> view = loaded.computeIfAbsent(entry.id(), id -> views.load(entry.fxml()));
        if (shownController instanceof RouteAware previous && previous != view.controller()) {
            previous.onHide();
        }
        shownController = view.controller();
        content.getChildren().setAll(view.root());
        screenTitle.setText(entry.title());
        sidebarGroup.getToggles().forEach(toggle -> toggle.setSelected(
                ((Node) toggle).getId().equals("nav-" + entry.id())));
        if (view.controller() instanceof RouteAware aware) {
            aware.onShow(route.argument());
            Node focus = aware.initialFocus();
            if (focus != null) {
                Platform.runLater(focus::requestFocus);
            }
        }
    }

    private void installOn(Scene scene) {
        if (installedOn == scene) {
            // signed out and in again: the scene already has our accelerators and filters
            return;
        }
        installedOn = scene;
        for (NavigationEntry entry : model.entries()) {
            if (entry.accelerator() != null) {
                KeyCombination keys = shortcuts.add(AREA, entry.accelerator(), "Open " + entry.title());
                scene.getAccelerators().put(keys, () -> {
                    if (isActive() && model.sidebar().contains(entry)) {
                        model.show(entry.id());
                    }
                });
            }
        }
        accelerator(scene, "F1", "Show this list of shortcuts", this::showShortcuts);
        accelerator(scene, "Shortcut+Slash", "Show this list of shortcuts", this::showShortcuts);
        accelerator(scene, "Shortcut+Shift+T", "Switch light / dark theme", this::toggleTheme);
        accelerator(scene, "Shortcut+L", "Lock the desk", this::lockNow);
        // sign out works on the lock cover too (someone else needs the desk), without the question
        KeyCombination signOutKeys = shortcuts.add(AREA, "Shortcut+Shift+Q", "Sign out (also from the lock screen)");
        scene.getAccelerators().put(signOutKeys, () -> {
            if (isActive()) {
                if (lock.lockedProperty().get()) {
                    signOutFromLock();
                } else {
                    signOut();
                }
            }
        });
        accelerator(scene, "Shortcut+Period", "Cancel the running task shown in the status bar", tasks::cancelActivity);
        accelerator(scene, "Alt+Left", "Back to the previous screen", model::back);
        shortcuts.add(AREA, "Enter", "Confirm the dialog or the default button");
        shortcuts.add(AREA, "Escape", "Cancel a dialog; leave a detail screen");

        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::noteActivity);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, this::noteActivity);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, this::noteActivity);
        if (lockTimer == null) {
            lockTimer = new Timeline(new KeyFrame(Duration.seconds(5), tick -> {
                if (isActive()) {
                    lock.check();
                }
            }));
            lockTimer.setCycleCount(Timeline.INDEFINITE);
            lockTimer.play();
        }
    }

    private void accelerator(Scene scene, String keys, String description, Runnable action) {
        KeyCombination combination = shortcuts.add(AREA, keys, description);
        scene.getAccelerators().put(combination, () -> {
            if (isActive() && !lock.lockedProperty().get()) {
                action.run();
            }
        });
    }

    /** Accelerators stay on the scene after sign-out; they act only while the shell is shown. */
    private boolean isActive() {
        return shellRoot.getScene() != null && shellRoot.getParent() != null;
    }

    private void noteActivity(Event event) {
        lock.activity();
    }

    @FXML
    private void toggleTheme() {
        theme.toggle();
    }

    @FXML
    private void showShortcuts() {
        ShortcutHelp.show(shellRoot.getScene().getWindow(), shortcuts.list(), theme.stylesheets());
    }

    @FXML
    private void lockNow() {
        lock.lock();
    }

    @FXML
    private void unlock() {
        lock.unlock();
    }

    @FXML
    private void signOut() {
        if (dialogs.confirm("Sign out", "Sign out of MoveDesk? Your work is saved.", "Sign out")) {
            onSignOut.run();
        }
    }

    @FXML
    private void signOutFromLock() {
        lock.releaseLock();
        onSignOut.run();
    }

    /** The content node currently shown (for tests and the screenshot tool). */
    public Parent currentView() {
        return content.getChildren().isEmpty() ? null : (Parent) content.getChildren().get(0);
    }
}
