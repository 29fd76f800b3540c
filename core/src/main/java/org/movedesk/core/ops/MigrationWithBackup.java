package org.movedesk.core.ops;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.movedesk.core.store.StoreHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * How the store is migrated at start: first the health check (a damaged or foreign file stops the
 * start with a clear message), then, if the store already has a schema and migrations are pending,
 * an online backup into the store's backups folder, then Flyway. A failed backup stops the
 * migration: the schema is never changed without a way back.
 */
public class MigrationWithBackup implements FlywayMigrationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationWithBackup.class);

    private final Clock clock;

    public MigrationWithBackup(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        StoreHealth.check(dataSource);
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        MigrationInfo[] pending = info.pending();
        if (current != null && pending.length > 0) {
            Path file = StoreHealth.mvFileOf(dataSource);
            if (file == null) {
                LOG.warn("The store is not a local file; no backup before migrating it");
            } else {
                String prefix = "pre-migration-V" + current.getVersion() + "-to-V" + pending[pending.length - 1].getVersion();
                BackupResult backup = OnlineBackup.write(dataSource, file.getParent().resolve("backups"), prefix, clock);
                LOG.info("Backup before {} schema migration(s): {}", pending.length, backup.file());
            }
        }
        flyway.migrate();
    }
}
