package org.movedesk.ui.app.demo;

import org.movedesk.core.desk.DeskService;
import org.movedesk.core.operators.Actor;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.DeskEnvironment;
import org.movedesk.ui.common.TaskHandle;
import org.movedesk.ui.common.TaskRunner;

/**
 * Loads the demo data after the context is up, as a visible background task with progress
 * (the status bar shows it), so the sign-in form is usable at once and the screens fill in
 * through core's change events.
 */
public class DemoDataLoader {

    private final DemoOperators operators;
    private final DemoSeeder seeder;
    private final DeskService desk;
    private final DeskEnvironment environment;
    private final TaskRunner tasks;
    private volatile boolean done;

    public DemoDataLoader(DemoOperators operators, DemoSeeder seeder, DeskService desk, DeskEnvironment environment,
                          TaskRunner tasks) {
        this.operators = operators;
        this.seeder = seeder;
        this.desk = desk;
        this.environment = environment;
        this.tasks = tasks;
        this.done = !seeder.needed(environment.storeDir());
    }

    /** Starts the load when the demo store has not been seeded yet; null when there is nothing to do. */
    public TaskHandle startIfNeeded() {
        if (done) {
            return null;
        }
        return tasks.run(BackgroundTask.of("Loading demo data", progress -> {
                    Actor admin = operators.ensureAccounts(desk.current().deskId());
                    int people = seeder.seed(admin, progress);
                    if (!progress.isCancelled()) {
                        seeder.markDone(environment.storeDir());
                        done = true;
                    }
                    return people;
                }));
    }

    public boolean isDone() {
        return done;
    }
}
