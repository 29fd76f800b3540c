package org.movedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secret store with a keystore of the test's own (the context's default keystore would be in
 * the user's home): only ciphertext in the table, values bound to their names, SYSTEM-only reads.
 */
class SecretStoreTest extends CoreIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    HistoryRecorder history;
    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path dir;
    SecretStore secrets;
    TransactionTemplate tx;

    @BeforeEach
    void storeWithTestKeys() {
        secrets = new SecretStore(dataSource, new StoreKeyring(dir.resolve("k.p12"), "pw".toCharArray()), history, clock);
        tx = new TransactionTemplate(transactions);
    }

    @Test
    void onlyCiphertextIsStoredAndOnlySystemReadsItBack() {
        String name = "central.client-secret-" + System.nanoTime();
        tx.executeWithoutResult(s -> secrets.put(StoreFixture.admin(), name, "s3cr3t-client-value".toCharArray()));

        byte[] stored = new JdbcTemplate(dataSource).queryForObject("select ciphertext from secret where name = ?",
                byte[].class, name);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        java.util.Optional<char[]> revealed = tx.execute(s -> secrets.reveal(StoreFixture.system(), name));
        assertThat(revealed).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("s3cr3t-client-value"));
        assertThatThrownBy(() -> tx.execute(s -> secrets.reveal(StoreFixture.admin(), name)))
                .isInstanceOf(PermissionDeniedException.class);
        Boolean isSet = tx.execute(s -> secrets.isSet(StoreFixture.admin(), name));
        assertThat(isSet).isTrue();
        assertThat(new JdbcTemplate(dataSource).queryForList("select concat(event_type, ' ', coalesce(before_json, ''), ' ', coalesce(after_json, ''), ' ', coalesce(notes, '')) from history where aggregate_id = ?",
                String.class, "secret:" + name)).hasSize(1).allSatisfy(a -> assertThat(a).startsWith("desk.secret-changed").doesNotContain("s3cr3t"));
    }

    @Test
    void aValueMovedUnderAnotherNameDoesNotDecrypt() {
        String a = "a-" + System.nanoTime();
        String b = "b-" + System.nanoTime();
        tx.executeWithoutResult(s -> {
            secrets.put(StoreFixture.admin(), a, "value-a".toCharArray());
            secrets.put(StoreFixture.admin(), b, "value-b".toCharArray());
        });
        new JdbcTemplate(dataSource).update("update secret set iv = (select iv from secret where name = ?), "
                + "ciphertext = (select ciphertext from secret where name = ?) where name = ?", a, a, b);

        assertThatThrownBy(() -> tx.execute(s -> secrets.reveal(StoreFixture.system(), b)))
                .isInstanceOf(MoveDeskException.class).hasMessageContaining("cannot be decrypted")
                .hasMessageNotContaining("value-a");
    }
}
