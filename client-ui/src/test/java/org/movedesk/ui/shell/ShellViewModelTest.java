package org.movedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.ui.common.Session;

class ShellViewModelTest {

    private final NavigationEntry dashboard = NavigationEntry.sidebar("dashboard", "Dashboard", null, 10, "/d.fxml",
            "Shortcut+1", actor -> actor.hasAny(Role.PRISON_STAFF, Role.SUPPLIER));
    private final NavigationEntry patients = NavigationEntry.sidebar("patients", "Restricted patients", null, 40,
            "/p.fxml", "Shortcut+4", actor -> actor.has(Role.RP_SEARCH));
    private final NavigationEntry moves = NavigationEntry.sidebar("moves", "Moves", null, 20, "/m.fxml", "Shortcut+2",
            actor -> actor.hasAny(Role.PRISON_STAFF, Role.SUPPLIER));
    private final NavigationEntry detail = new NavigationEntry("move-detail", "Move", null, 99, "/md.fxml", null, false,
            actor -> actor.hasAny(Role.PRISON_STAFF, Role.SUPPLIER));
    private final Session session = new Session();
    private final ShellViewModel shell = new ShellViewModel(List.of(patients, detail, moves, dashboard), session);

    @Test
    void sidebarHasOneEntryPerFeatureThisOperatorMayOpenInOrder() {
        session.signedIn(new Actor("staff", EnumSet.of(Role.PRISON_STAFF), "desk"));

        shell.start();

        assertThat(shell.sidebar()).containsExactly(dashboard, moves);
        assertThat(shell.currentProperty().get().entry()).isEqualTo(dashboard);
        assertThat(shell.operatorTextProperty().get()).isEqualTo("staff \u00b7 prison staff");
    }

    @Test
    void anotherOperatorGetsTheirOwnSidebar() {
        session.signedIn(new Actor("rp", EnumSet.of(Role.RP_SEARCH), "desk"));

        shell.start();

        assertThat(shell.sidebar()).containsExactly(patients);
        assertThatThrownBy(() -> shell.show("moves")).hasMessageContaining("Your roles do not include the Moves screen");
    }

    @Test
    void backReturnsToWhereTheOperatorCameFrom() {
        session.signedIn(new Actor("staff", EnumSet.of(Role.PRISON_STAFF), "desk"));
        shell.start();

        shell.show("moves");
        shell.show("move-detail", "some-move");
        assertThat(shell.currentProperty().get().argument()).isEqualTo("some-move");

        shell.back();
        assertThat(shell.currentProperty().get().entry()).isEqualTo(moves);
        shell.back();
        assertThat(shell.currentProperty().get().entry()).isEqualTo(dashboard);
        assertThat(shell.canGoBack()).isFalse();
        shell.back();
        assertThat(shell.currentProperty().get().entry()).isEqualTo(dashboard);
    }

    @Test
    void anUnknownScreenIsAProgrammingErrorWithItsName() {
        session.signedIn(new Actor("staff", EnumSet.of(Role.PRISON_STAFF), "desk"));
        shell.start();
        assertThatThrownBy(() -> shell.show("nowhere")).hasMessage("No screen called nowhere");
    }
}
