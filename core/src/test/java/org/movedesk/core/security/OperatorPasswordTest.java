package org.movedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.AccountLockedException;
import org.movedesk.core.common.AuthenticationFailedException;
import org.movedesk.core.operators.NewOperator;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Passwords are stored as salted Argon2id hashes; repeated wrong passwords lock the account for a while. */
class OperatorPasswordTest extends CoreIntegrationTest {

    @Autowired
    OperatorService operators;
    @Autowired
    DataSource dataSource;

    @Test
    void passwordsAreStoredAsSaltedArgon2Hashes() {
        String a = "hash-a-" + StoreFixture.uniquePrisonNumber().toLowerCase();
        String b = "hash-b-" + StoreFixture.uniquePrisonNumber().toLowerCase();
        operators.create(StoreFixture.admin(), new NewOperator(a, "A", "correct horse battery".toCharArray(), Set.of(Role.PRISON_STAFF)));
        operators.create(StoreFixture.admin(), new NewOperator(b, "B", "correct horse battery".toCharArray(), Set.of(Role.PRISON_STAFF)));
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        String hashA = sql.queryForObject("select password_hash from operator where username = ?", String.class, a);
        String hashB = sql.queryForObject("select password_hash from operator where username = ?", String.class, b);

        assertThat(hashA).startsWith("$argon2id$").doesNotContain("correct horse");
        assertThat(hashA).as("salted: same password, different hash").isNotEqualTo(hashB);
        assertThat(operators.signIn(a, "correct horse battery".toCharArray(), StoreFixture.DESK).roles())
                .containsExactly(Role.PRISON_STAFF);
        assertThatThrownBy(() -> operators.signIn(a, "wrong horse battery".toCharArray(), StoreFixture.DESK))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("Wrong username or password.");
        assertThatThrownBy(() -> operators.signIn("nobody-" + a, "x".toCharArray(), StoreFixture.DESK))
                .as("an unknown name gets the same answer").hasMessage("Wrong username or password.");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockoutEnds() {
        String name = "lock-" + StoreFixture.uniquePrisonNumber().toLowerCase();
        char[] right = "right password 1".toCharArray();
        operators.create(StoreFixture.admin(), new NewOperator(name, "Locky", right, Set.of(Role.SUPPLIER)));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> operators.signIn(name, "nope".toCharArray(), StoreFixture.DESK))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> operators.signIn(name, "nope".toCharArray(), StoreFixture.DESK))
                .isInstanceOf(AccountLockedException.class).hasMessageContaining("locked");
        assertThatThrownBy(() -> operators.signIn(name, right, StoreFixture.DESK))
                .as("even the right password while locked").isInstanceOf(AccountLockedException.class);

        clock.advance(Duration.ofMinutes(16));
        assertThat(operators.signIn(name, right, StoreFixture.DESK).username()).isEqualTo(name);
    }
}
