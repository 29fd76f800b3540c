package org.movedesk.ui.app;

import javafx.stage.Stage;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import org.movedesk.ui.common.DeskEnvironment;
import org.movedesk.ui.common.DialogService;
import org.movedesk.ui.common.ExecutorTaskRunner;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.ThemeService;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiExecutor;
import org.movedesk.ui.common.UiSettings;

/**
 * The UI services that exist before Spring (the sign-in form needs them for the first
 * frame). They are handed to the Spring context as ready-made singletons.
 */
public record UiInfrastructure(DeskEnvironment environment, UiSettings settings, ThemeService theme,
                               UiExecutor ui, DialogService dialogs, ExecutorTaskRunner tasks,
                               UiEventBus events, Shortcuts shortcuts, Session session, Stage stage) {

    void registerInto(ConfigurableListableBeanFactory beans) {
        beans.registerSingleton("deskEnvironment", environment);
        beans.registerSingleton("uiSettings", settings);
        beans.registerSingleton("themeService", theme);
        beans.registerSingleton("uiExecutor", ui);
        beans.registerSingleton("dialogService", dialogs);
        beans.registerSingleton("taskRunner", (TaskRunner) tasks);
        beans.registerSingleton("uiEventBus", events);
        beans.registerSingleton("shortcuts", shortcuts);
        beans.registerSingleton("session", session);
        beans.registerSingleton("primaryStage", stage);
    }
}
