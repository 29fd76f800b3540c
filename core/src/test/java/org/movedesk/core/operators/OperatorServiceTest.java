package org.movedesk.core.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.AccountLockedException;
import org.movedesk.core.common.AuthenticationFailedException;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryQueries;
import org.movedesk.core.history.HistoryRow;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class OperatorServiceTest extends CoreIntegrationTest {

    @Autowired
    OperatorService operators;
    @Autowired
    HistoryQueries history;
    @Autowired
    JdbcTemplate jdbc;

    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    private String newOperator(Set<Role> roles) {
        String name = "op" + StoreFixture.uniquePrisonNumber().toLowerCase();
        operators.create(StoreFixture.admin(), new NewOperator(name, "Op " + name, PASSWORD, roles));
        return name;
    }

    @Test
    void passwordIsStoredAsAnArgon2HashAndSignInReturnsTheActor() {
        String name = newOperator(Set.of(Role.PRISON_STAFF, Role.RP_SEARCH));
        String hash = jdbc.queryForObject("select password_hash from operator where username = ?", String.class, name);
        assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse");
        Actor actor = operators.signIn(name.toUpperCase(), PASSWORD, "desk-1");
        assertThat(actor.username()).isEqualTo(name);
        assertThat(actor.roles()).containsExactlyInAnyOrder(Role.PRISON_STAFF, Role.RP_SEARCH);
        assertThat(actor.deskId()).isEqualTo("desk-1");
    }

    @Test
    void wrongPasswordAndUnknownUserGiveTheSameAnswer() {
        String name = newOperator(Set.of(Role.SUPPLIER));
        assertThatThrownBy(() -> operators.signIn(name, "nope".toCharArray(), "d"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("Wrong username or password.");
        assertThatThrownBy(() -> operators.signIn("nobody-here", PASSWORD, "d"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("Wrong username or password.");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        String name = newOperator(Set.of(Role.SUPPLIER));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> operators.signIn(name, "wrong".toCharArray(), "d"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> operators.signIn(name, "wrong".toCharArray(), "d"))
                .isInstanceOf(AccountLockedException.class);
        // even the right password is refused while locked
        assertThatThrownBy(() -> operators.signIn(name, PASSWORD, "d")).isInstanceOf(AccountLockedException.class)
                .hasMessageContaining("locked");
        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> operators.signIn(name, PASSWORD, "d")).isInstanceOf(AccountLockedException.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(operators.signIn(name, PASSWORD, "d").username()).isEqualTo(name);
        assertThat(history.forOperator(StoreFixture.supervisor(), name)).extracting(HistoryRow::eventType)
                .contains("operator.sign-in-failed", "operator.locked", "operator.signed-in");
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        String name = newOperator(Set.of(Role.SUPPLIER));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> operators.signIn(name, "wrong".toCharArray(), "d"));
        }
        operators.signIn(name, PASSWORD, "d");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> operators.signIn(name, "wrong".toCharArray(), "d"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void disabledAccountsCannotSignIn() {
        String name = newOperator(Set.of(Role.SUPPLIER));
        operators.setEnabled(StoreFixture.admin(), name, false);
        assertThatThrownBy(() -> operators.signIn(name, PASSWORD, "d")).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("disabled");
        operators.setEnabled(StoreFixture.admin(), name, true);
        assertThat(operators.signIn(name, PASSWORD, "d")).isNotNull();
    }

    @Test
    void rolesPasswordAndValidation() {
        String name = newOperator(Set.of(Role.SUPPLIER));
        operators.setRoles(StoreFixture.admin(), name, Set.of(Role.PRISON_STAFF));
        assertThat(operators.signIn(name, PASSWORD, "d").roles()).containsExactly(Role.PRISON_STAFF);
        Actor self = new Actor(name, Set.of(Role.PRISON_STAFF), "d");
        operators.changePassword(self, name, "another long password".toCharArray());
        assertThat(operators.signIn(name, "another long password".toCharArray(), "d")).isNotNull();
        assertThatThrownBy(() -> operators.changePassword(self, name, "short".toCharArray()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> operators.create(StoreFixture.admin(), new NewOperator(name, "x", PASSWORD, Set.of(Role.SUPPLIER))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> operators.create(StoreFixture.admin(), new NewOperator("bad name!", "x", PASSWORD, Set.of(Role.SUPPLIER))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> operators.create(StoreFixture.admin(), new NewOperator("robot", "x", PASSWORD, Set.of(Role.SYSTEM))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("SYSTEM");
        assertThat(operators.list(StoreFixture.admin())).extracting(OperatorView::username).contains(name);
    }

    @Test
    void firstAdminOnlyOnce() {
        if (!operators.hasAnyOperator()) {
            operators.createFirstAdmin("first-admin", PASSWORD, "First Admin");
        }
        assertThat(operators.hasAnyOperator()).isTrue();
        assertThatThrownBy(() -> operators.createFirstAdmin("second-admin", PASSWORD, "Second"))
                .hasMessageContaining("already exists");
    }
}
