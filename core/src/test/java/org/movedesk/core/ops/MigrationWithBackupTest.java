package org.movedesk.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.store.StoreContexts;
import org.movedesk.core.store.StoreOpener;
import org.movedesk.core.store.StoreRestorer;
import org.movedesk.core.store.StoreSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/** A store that has a schema gets a backup before pending migrations run; no backup, no migration. */
class MigrationWithBackupTest {

    @TempDir
    Path root;

    @Test
    void pendingMigrationsAreAppliedOnlyAfterABackupThatRestores() throws Exception {
        StoreSettings settings = StoreContexts.settings(root);
        String latest;
        try (HikariDataSource ds = pool(StoreContexts.settings(root.resolve("scratch")))) {
            latest = flyway(ds).load().info().all()[flyway(ds).load().info().all().length - 1].getVersion().getVersion();
        }
        try (HikariDataSource ds = pool(settings)) {
            flyway(ds).target("2").load().migrate();
        }
        try (HikariDataSource ds = pool(settings)) {
            new MigrationWithBackup(Clock.systemUTC()).migrate(flyway(ds).load());
            assertThat(version(ds)).isEqualTo(latest);
        }

        List<Path> backups = list(settings.backupDir());
        assertThat(backups).hasSize(1);
        assertThat(backups.get(0).getFileName().toString()).startsWith("pre-migration-V2-to-V" + latest + "-").endsWith(".zip");

        // the backup is a usable store at the old version
        StoreSettings elsewhere = new StoreSettings(root.resolve("restored"), true, settings.plainStores(),
                settings.keystore(), settings.keystorePassword());
        StoreRestorer.restore(elsewhere, elsewhere.keyring(Map.of()), backups.get(0), Clock.systemUTC());
        try (HikariDataSource ds = pool(elsewhere)) {
            assertThat(version(ds)).isEqualTo("2");
        }
    }

    @Test
    void aNewStoreNeedsNoBackup() throws Exception {
        StoreSettings settings = StoreContexts.settings(root);
        try (HikariDataSource ds = pool(settings)) {
            new MigrationWithBackup(Clock.systemUTC()).migrate(flyway(ds).load());
        }
        assertThat(settings.backupDir()).doesNotExist();
    }

    @Test
    void whenTheBackupFailsTheSchemaIsNotTouched() throws Exception {
        StoreSettings settings = StoreContexts.settings(root);
        try (HikariDataSource ds = pool(settings)) {
            flyway(ds).target("2").load().migrate();
        }
        Files.writeString(settings.backupDir(), "a file where the backups folder should be");
        try (HikariDataSource ds = pool(settings)) {
            assertThatThrownBy(() -> new MigrationWithBackup(Clock.systemUTC()).migrate(flyway(ds).load()))
                    .isInstanceOf(MoveDeskException.class)
                    .hasMessageContaining("The backup to")
                    .hasMessageContaining("failed");
            assertThat(version(ds)).isEqualTo("2");
        }
    }

    static FluentConfiguration flyway(HikariDataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    }

    static String version(HikariDataSource ds) {
        return new JdbcTemplate(ds).queryForObject(
                "select max(cast(\"version\" as int)) from \"flyway_schema_history\"", String.class);
    }

    static HikariDataSource pool(StoreSettings settings) {
        StoreOpener.Opening opening = StoreOpener.prepare(settings, Map.of(), Clock.systemUTC());
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(opening.url());
        ds.setUsername(opening.user());
        ds.setPassword(opening.password());
        ds.setMaximumPoolSize(2);
        return ds;
    }

    static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
