package org.movedesk.ui.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.NewOperator;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.operators.OperatorView;
import org.movedesk.core.operators.Role;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;

/**
 * Operator accounts for an administrator: the list, a new account (password typed twice,
 * roles as check boxes), enable/disable, reset a password and change roles. Core checks the
 * rules (username taken, password length, own ADMIN role, own account); its sentences are
 * shown as they are.
 */
public class OperatorsViewModel {

    /** Roles a person can hold (SYSTEM is for sync and the event listener only). */
    public static final List<Role> ASSIGNABLE = Arrays.stream(Role.values()).filter(role -> role != Role.SYSTEM).toList();

    private final OperatorService operators;
    private final Session session;
    private final TaskRunner tasks;

    private final ObservableList<OperatorView> rows = FXCollections.observableArrayList();
    private final ObjectProperty<OperatorView> selected = new SimpleObjectProperty<>();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ObservableSet<Role> roles = FXCollections.observableSet(EnumSet.noneOf(Role.class));
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public OperatorsViewModel(OperatorService operators, Session session, TaskRunner tasks) {
        this.operators = operators;
        this.session = session;
        this.tasks = tasks;
    }

    public void load() {
        Actor actor = session.require();
        tasks.run(BackgroundTask.of("Loading operators", progress -> operators.list(actor))
                .quiet()
                .onSuccess(list -> {
                    OperatorView was = selected.get();
                    rows.setAll(list);
                    selected.set(was == null ? null : rows.stream()
                            .filter(row -> row.username().equals(was.username())).findFirst().orElse(null));
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure))));
    }

    /** Clears the new-operator form. */
    public void startNew() {
        username.set("");
        displayName.set("");
        password.set("");
        confirm.set("");
        roles.clear();
        roles.add(Role.PRISON_STAFF);
    }

    /** What is wrong with the new-operator form (core checks the rest, e.g. length and taken names). */
    public List<String> newOperatorProblems() {
        List<String> problems = new ArrayList<>();
        if (username.get().isBlank()) {
            problems.add("Enter a username.");
        } else if (!username.get().trim().matches("[A-Za-z0-9._-]{2,32}")) {
            problems.add("A username is 2 to 32 letters, digits, dots, dashes or underscores.");
        }
        if (displayName.get().isBlank()) {
            problems.add("Enter the operator's name as colleagues know it.");
        }
        problems.addAll(passwordProblems(password.get(), confirm.get()));
        if (roles.isEmpty()) {
            problems.add("Give the operator at least one role.");
        }
        return problems;
    }

    static List<String> passwordProblems(String password, String confirm) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("Enter a password.");
        } else if (!password.equals(confirm)) {
            problems.add("The two passwords differ; type the same password twice.");
        }
        return problems;
    }

    /** Creates the account; returns false (with the problems shown) when the form is incomplete. */
    public boolean create() {
        List<String> problems = newOperatorProblems();
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        String name = username.get().trim().toLowerCase(Locale.ROOT);
        NewOperator request = new NewOperator(name, displayName.get().trim(), password.get().toCharArray(),
                EnumSet.copyOf(roles));
        act("Creating operator " + name, actor -> operators.create(actor, request),
                "Operator " + name + " can now sign in at this desk.", () -> {
                    password.set("");
                    confirm.set("");
                });
        return true;
    }

    public void setEnabled(OperatorView operator, boolean enabled) {
        if (operator == null) {
            return;
        }
        act((enabled ? "Enabling " : "Disabling ") + operator.username(),
                actor -> operators.setEnabled(actor, operator.username(), enabled),
                "Operator " + operator.username() + (enabled ? " can sign in again." : " can no longer sign in."), () -> { });
    }

    /** Sets a new password for someone who forgot theirs (typed twice). */
    public boolean resetPassword(OperatorView operator, String newPassword, String again) {
        if (operator == null) {
            return false;
        }
        List<String> problems = passwordProblems(newPassword, again);
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        char[] chars = newPassword.toCharArray();
        act("Resetting a password", actor -> operators.changePassword(actor, operator.username(), chars),
                "New password set for " + operator.username() + "; tell them in person.", () -> { });
        return true;
    }

    public void setRoles(OperatorView operator, Set<Role> newRoles) {
        if (operator == null) {
            return;
        }
        if (newRoles == null || newRoles.isEmpty()) {
            error.set("Give the operator at least one role.");
            return;
        }
        Set<Role> chosen = EnumSet.copyOf(newRoles);
        act("Changing roles of " + operator.username(), actor -> operators.setRoles(actor, operator.username(), chosen),
                "Roles of " + operator.username() + " changed; they apply from their next sign-in.", () -> { });
    }

    private interface Change {
        Object apply(Actor actor);
    }

    private void act(String title, Change change, String done, Runnable afterSuccess) {
        Actor actor = session.require();
        busy.set(true);
        error.set("");
        notice.set("");
        tasks.run(BackgroundTask.of(title, progress -> change.apply(actor))
                .onSuccess(result -> {
                    notice.set(done);
                    afterSuccess.run();
                    load();
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> busy.set(false)));
    }

    public ObservableList<OperatorView> rows() {
        return rows;
    }

    public ObjectProperty<OperatorView> selectedProperty() {
        return selected;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public ObservableSet<Role> roles() {
        return roles;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
