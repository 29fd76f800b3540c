package org.movedesk.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryVerifier;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.store.StoreContexts;
import org.movedesk.core.store.StoreFileKind;
import org.movedesk.core.store.StoreFiles;
import org.movedesk.core.store.StoreRestorer;
import org.movedesk.core.store.StoreSettings;
import org.movedesk.core.store.StoreUnusableException;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Round trip on a real encrypted store: back up online, change the store, park a restore from the
 * desk (confirmation required), start again: the backup's content is back, the replaced store is
 * kept as a safety copy, the restore is recorded in the history, and the history is still
 * append-only for the database's admin user after the restore.
 */
class BackupRestoreTest {

    @TempDir
    Path root;

    @Test
    void backupThenRestoreAtNextStart() throws Exception {
        Path backupFile;
        try (ConfigurableApplicationContext desk = StoreContexts.start(root, Map.of())) {
            PersonService people = desk.getBean(PersonService.class);
            BackupService backups = desk.getBean(BackupService.class);
            people.upsertFromCentral(StoreFixture.system(), person("B1111AA", "Before"));

            backupFile = backups.backup(StoreFixture.admin(), null).file();
            assertThat(backupFile).exists().hasParent(root.resolve("store/backups"));
            assertThat(backups.list(StoreFixture.admin())).extracting(BackupResult::file).contains(backupFile);

            people.upsertFromCentral(StoreFixture.system(), person("A2222BB", "After"));

            assertThatThrownBy(() -> backups.requestRestore(StoreFixture.admin(), backupFile, "yes please"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("confirm with RESTORE");
            assertThatThrownBy(() -> backups.requestRestore(StoreFixture.staff(), backupFile, BackupService.CONFIRMATION))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> StoreRestorer.restore(StoreContexts.settings(root),
                    StoreContexts.settings(root).keyring(Map.of()), backupFile, Clock.systemUTC()))
                    .as("no restore under a running desk")
                    .isInstanceOf(StoreUnusableException.class).hasMessageContaining("is open in a running MoveDesk");

            backups.requestRestore(StoreFixture.admin(), backupFile, BackupService.CONFIRMATION);
            assertThat(backups.restorePending()).isTrue();
            assertThat(people.findByPrisonNumber("A2222BB")).as("nothing restored under the running desk").isPresent();
        }

        try (ConfigurableApplicationContext desk = StoreContexts.start(root, Map.of())) {
            PersonService people = desk.getBean(PersonService.class);
            assertThat(people.findByPrisonNumber("B1111AA")).isPresent();
            assertThat(people.findByPrisonNumber("A2222BB")).as("the later change is gone").isEmpty();
            assertThat(desk.getBean(BackupService.class).restorePending()).isFalse();
            assertThat(Files.list(root.resolve("store/backups")).map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("before-restore-"));
            assertThat(StoreFiles.inspect(StoreFiles.mvFile(root.resolve("store")))).isEqualTo(StoreFileKind.ENCRYPTED);

            JdbcTemplate sql = new JdbcTemplate(desk.getBean(javax.sql.DataSource.class));
            List<String> events = sql.queryForList("select event_type from history order by id", String.class);
            // the backup was taken before its own history entry, so the restored trail ends with the restore
            assertThat(events).doesNotContain("desk.restore-requested").endsWith("desk.store-restored");
            assertThat(sql.queryForObject("select notes from history order by id desc limit 1", String.class))
                    .contains("restored from " + backupFile.getFileName()).contains("verified");
            assertThat(desk.getBean(HistoryVerifier.class).verify().ok()).isTrue();

            // a restore does not bypass the append-only rule: the restored store still refuses changes
            assertThat(sql.queryForObject("select current_user", String.class)).isEqualToIgnoringCase("sa");
            assertThat(sql.queryForObject("select is_admin from information_schema.users where user_name = current_user",
                    Boolean.class)).as("the store's only user is the database admin").isTrue();
            assertThatThrownBy(() -> sql.update("update history set notes = 'rewritten'"))
                    .hasMessageContaining("History is append-only");
            assertThatThrownBy(() -> sql.update("delete from history"))
                    .hasMessageContaining("History is append-only");
        }
    }

    @Test
    void aBackupThatIsNotAMoveDeskStoreIsRefusedAndTheStoreIsKept() throws Exception {
        Path notABackup = root.resolve("holiday-photos.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(notABackup))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("beach.jpg"));
            zip.write(new byte[] {1, 2, 3});
        }
        StoreSettings settings = StoreContexts.settings(root);
        assertThatThrownBy(() -> StoreRestorer.restore(settings, settings.keyring(Map.of()), notABackup, Clock.systemUTC()))
                .isInstanceOf(StoreUnusableException.class)
                .hasMessageContaining("cannot be restored: it holds no MoveDesk database file")
                .hasMessageContaining("The current store was not changed");
        assertThat(settings.mvFile()).doesNotExist();
    }

    private static PersonData person(String prisonNumber, String lastName) {
        return new PersonData(UUID.randomUUID().toString(), prisonNumber, null, "Sam", lastName,
                LocalDate.of(1990, 1, 1), "male", null);
    }

    static Actor nobody() {
        return new Actor("nobody", java.util.Set.of(), StoreFixture.DESK);
    }
}
