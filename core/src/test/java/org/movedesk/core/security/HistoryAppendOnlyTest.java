package org.movedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.ops.OnlineBackup;
import org.movedesk.core.store.StoreContexts;
import org.movedesk.core.store.StoreOpener;
import org.movedesk.core.store.StoreRestorer;
import org.movedesk.core.store.StoreSettings;
import org.movedesk.core.store.StoreUnusableException;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history cannot be changed through SQL by anyone, including the database's admin user the
 * desk connects as; and a restore cannot bring in a store whose protection was removed.
 */
class HistoryAppendOnlyTest extends CoreIntegrationTest {

    @Autowired
    DataSource dataSource;

    @TempDir
    Path root;

    @Test
    void theAdminDatabaseUserCannotUpdateOrDeleteHistory() {
        fixture.bookRequested();
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        assertThat(sql.queryForObject("select is_admin from information_schema.users where user_name = current_user",
                Boolean.class)).isTrue();
        long before = sql.queryForObject("select count(*) from history", Long.class);
        long lastId = sql.queryForObject("select max(id) from history", Long.class);

        assertThatThrownBy(() -> sql.update("update history set notes = 'rewritten' where id = ?", lastId))
                .hasMessageContaining("History is append-only");
        assertThatThrownBy(() -> sql.update("update history set operator = 'someone-else'"))
                .hasMessageContaining("History is append-only");
        assertThatThrownBy(() -> sql.update("delete from history where id = ?", lastId))
                .hasMessageContaining("History is append-only");
        assertThatThrownBy(() -> sql.update("merge into history (id, operator) key (id) values (?, 'x')", lastId))
                .hasMessageContaining("History is append-only");
        assertThatThrownBy(() -> sql.update("truncate table history"))
                .as("TRUNCATE skips row triggers in H2; V41's guard reference refuses it")
                .rootCause().hasMessageContaining("Cannot truncate");

        assertThat(sql.queryForObject("select count(*) from history", Long.class)).isEqualTo(before);
        assertThat(sql.queryForObject("select operator from history where id = ?", String.class, lastId))
                .isNotEqualTo("someone-else");
    }

    @Test
    void aBackupWhoseHistoryProtectionWasRemovedIsNotRestored() throws Exception {
        StoreSettings settings = StoreContexts.settings(root);
        StoreOpener.Opening opening = StoreOpener.prepare(settings, Map.of(), Clock.systemUTC());
        Path backup;
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(opening.url());
            ds.setUsername(opening.user());
            ds.setPassword(opening.password());
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            JdbcTemplate sql = new JdbcTemplate(ds);
            sql.execute("drop trigger history_no_delete");
            backup = OnlineBackup.write(ds, root.resolve("tampered.zip"), "x", Clock.systemUTC()).file();
        }
        StoreSettings elsewhere = new StoreSettings(root.resolve("other"), true, settings.plainStores(),
                settings.keystore(), settings.keystorePassword());

        assertThatThrownBy(() -> StoreRestorer.restore(elsewhere, elsewhere.keyring(Map.of()), backup, Clock.systemUTC()))
                .isInstanceOf(StoreUnusableException.class)
                .hasMessageContaining("its history is not protected by the append-only triggers");
        assertThat(elsewhere.mvFile()).doesNotExist();
    }
}
