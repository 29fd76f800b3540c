package org.movedesk.ui.signin;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.TaskRunner;

/**
 * Sign-in, usable in two steps: the form is on screen while Spring starts ({@link #starting}),
 * and becomes usable when {@link #connect} hands it core's operator service. On a real desk's
 * first run (no operator yet) it asks for the first administrator instead.
 */
public class SignInViewModel {

    private final TaskRunner tasks;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty confirmPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Starting MoveDesk\u2026");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper firstRun = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty demo = new SimpleBooleanProperty(false);
    private final ObservableList<String> demoOperators = FXCollections.observableArrayList();
    private final BooleanBinding canSubmit;

    private OperatorService operators;
    private String deskId;
    private Consumer<Actor> onSignedIn = actor -> { };

    public SignInViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        canSubmit = ready.and(busy.not()).and(Bindings.createBooleanBinding(
                () -> !username.get().isBlank() && !password.get().isEmpty(), username, password));
    }

    /** Spring failed to start: say why and what to do. */
    public void startFailed(Throwable failure) {
        ready.set(false);
        message.set("MoveDesk could not start.");
        error.set(ErrorMessages.forUser(failure));
    }

    /** Core is up: the form becomes usable. */
    public void connect(OperatorService operators, String deskId, List<String> demoOperatorLines) {
        this.operators = Objects.requireNonNull(operators);
        this.deskId = deskId;
        demoOperators.setAll(demoOperatorLines);
        demo.set(!demoOperatorLines.isEmpty());
        boolean noOperatorYet = !operators.hasAnyOperator();
        firstRun.set(noOperatorYet);
        message.set(noOperatorYet
                ? "First run: create the administrator account for this desk."
                : "Sign in with your MoveDesk operator account.");
        ready.set(true);
    }

    public void setOnSignedIn(Consumer<Actor> callback) {
        this.onSignedIn = Objects.requireNonNull(callback);
    }

    public void signIn() {
        if (!canSubmit.get()) {
            if (ready.get() && !busy.get()) {
                error.set("Enter your user name and password.");
            }
            return;
        }
        char[] secret = password.get().toCharArray();
        String user = username.get().trim();
        busy.set(true);
        error.set("");
        tasks.run(BackgroundTask.of("Signing in", progress -> operators.signIn(user, secret, deskId))
                .quiet()
                .onSuccess(actor -> {
                    password.set("");
                    onSignedIn.accept(actor);
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

    /** First run of a real desk: creates the administrator, then signs them in. */
    public void createFirstAdmin() {
        String user = username.get().trim();
        if (user.isEmpty()) {
            error.set("Choose a user name for the administrator.");
            return;
        }
        if (password.get().isEmpty() || !password.get().equals(confirmPassword.get())) {
            error.set("The two passwords differ. Type the same password twice.");
            return;
        }
        char[] secret = password.get().toCharArray();
        char[] again = password.get().toCharArray();
        String name = displayName.get().isBlank() ? user : displayName.get().trim();
        busy.set(true);
        error.set("");
        tasks.run(BackgroundTask.of("Creating the administrator", progress -> {
                    operators.createFirstAdmin(user, secret, name);
                    return operators.signIn(user, again, deskId);
                })
                .quiet()
                .onSuccess(actor -> {
                    firstRun.set(false);
                    password.set("");
                    confirmPassword.set("");
                    onSignedIn.accept(actor);
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> {
                    Arrays.fill(secret, '\0');
                    Arrays.fill(again, '\0');
                    busy.set(false);
                }));
    }

    /** Demo mode: a click on a listed operator fills the form. */
    public void useDemoOperator(String line) {
        String user = line.split("\\s+")[0];
        username.set(user);
        password.set(user);
    }

    /** After sign-out the form is blank again. */
    public void reset() {
        password.set("");
        confirmPassword.set("");
        error.set("");
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmPasswordProperty() {
        return confirmPassword;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty firstRunProperty() {
        return firstRun.getReadOnlyProperty();
    }

    public BooleanProperty demoProperty() {
        return demo;
    }

    public ObservableList<String> demoOperators() {
        return demoOperators;
    }

    public BooleanBinding canSubmitBinding() {
        return canSubmit;
    }
}
