package org.movedesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.operators.OperatorView;
import org.movedesk.core.operators.Role;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.testing.ViewModelTest;

class OperatorsViewModelTest extends ViewModelTest {

    private OperatorsViewModel admin;

    @BeforeEach
    void setUp() {
        signIn(operator("ops-admin", Role.ADMIN));
        admin = new OperatorsViewModel(operators, session, tasks);
        admin.load();
        admin.startNew();
    }

    private OperatorView row(String username) {
        return admin.rows().stream().filter(r -> r.username().equals(username)).findFirst().orElseThrow();
    }

    private String fillNew(String password, String again, Role... roles) {
        String name = "new-" + System.nanoTime() % 100000;
        admin.usernameProperty().set(name);
        admin.displayNameProperty().set("Nia Newcomer");
        admin.passwordProperty().set(password);
        admin.confirmProperty().set(again);
        admin.roles().clear();
        admin.roles().addAll(EnumSet.of(roles[0], roles));
        return name;
    }

    @Test
    void theFormNamesEveryProblemAndCreatesNothing() {
        admin.usernameProperty().set("has space");
        admin.passwordProperty().set("one-password-here");
        admin.confirmProperty().set("another-password");
        admin.roles().clear();
        assertThat(admin.create()).isFalse();
        assertThat(admin.errorProperty().get()).contains("A username is 2 to 32").contains("Enter the operator's name")
                .contains("The two passwords differ").contains("at least one role");
        assertThat(admin.rows()).noneMatch(r -> r.username().equals("has space"));
    }

    @Test
    void aCreatedOperatorCanSignInWithTheirRoles() {
        String name = fillNew(PASSWORD, PASSWORD, Role.RP_SEARCH, Role.RP_TRANSFER);
        assertThat(admin.create()).isTrue();
        assertThat(admin.noticeProperty().get()).contains(name + " can now sign in");
        assertThat(row(name).roles()).containsExactlyInAnyOrder(Role.RP_SEARCH, Role.RP_TRANSFER);
        assertThat(operators.signIn(name, PASSWORD.toCharArray(), StoreFixture.DESK).roles())
                .containsExactlyInAnyOrder(Role.RP_SEARCH, Role.RP_TRANSFER);
        assertThat(admin.passwordProperty().get()).isEmpty();
    }

    @Test
    void coreRulesComeBackAsTheirOwnSentences() {
        String name = fillNew("short", "short", Role.PRISON_STAFF);
        admin.create();
        assertThat(admin.errorProperty().get()).isEqualTo("A password needs at least 10 characters.");
        assertThat(admin.rows()).noneMatch(r -> r.username().equals(name));

        admin.usernameProperty().set("ops-admin");
        admin.passwordProperty().set(PASSWORD);
        admin.confirmProperty().set(PASSWORD);
        admin.create();
        assertThat(admin.errorProperty().get()).isEqualTo("Username ops-admin is taken; choose another.");
    }

    @Test
    void disableResetPasswordAndChangeRoles() {
        String name = fillNew(PASSWORD, PASSWORD, Role.PRISON_STAFF);
        admin.create();

        admin.setEnabled(row(name), false);
        assertThat(row(name).enabled()).isFalse();
        assertThatThrownBy(() -> operators.signIn(name, PASSWORD.toCharArray(), StoreFixture.DESK))
                .isInstanceOf(MoveDeskException.class);
        admin.setEnabled(row(name), true);

        assertThat(admin.resetPassword(row(name), "fresh-password-1", "fresh-password-2")).isFalse();
        assertThat(admin.errorProperty().get()).contains("differ");
        assertThat(admin.resetPassword(row(name), "fresh-password-1", "fresh-password-1")).isTrue();
        assertThat(operators.signIn(name, "fresh-password-1".toCharArray(), StoreFixture.DESK).username()).isEqualTo(name);

        admin.setRoles(row(name), EnumSet.of(Role.SUPPLIER));
        assertThat(row(name).roles()).containsExactly(Role.SUPPLIER);

        admin.setEnabled(row("ops-admin"), false);
        assertThat(admin.errorProperty().get()).isEqualTo("You cannot disable your own account.");
    }
}
