package org.movedesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.operators.Role;
import org.movedesk.core.ops.BackupService;
import org.movedesk.core.ops.DiagnosticsService;
import org.movedesk.ui.testing.ViewModelTest;

/** Backup, restore request and diagnostics through sec's real services on the test store. */
class BackupViewModelTest extends ViewModelTest {

    @Autowired BackupService backups;
    @Autowired DiagnosticsService diagnostics;
    @TempDir Path dir;

    private BackupViewModel model() {
        return new BackupViewModel(() -> backups, () -> diagnostics, session, tasks);
    }

    @Test
    void backsUpParksARestoreCancelsItAndWritesDiagnostics() throws Exception {
        signIn(operator("backup-admin", Role.ADMIN));
        BackupViewModel model = model();
        model.load();
        assertThat(model.availableProperty().get()).isTrue();

        Path zip = dir.resolve("desk-backup.zip");
        model.backupNow(zip);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.noticeProperty().get()).startsWith("Backed up to").contains("desk-backup.zip");
        assertThat(zip).isRegularFile();

        model.restore(zip);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.noticeProperty().get()).contains("will replace this desk's store when MoveDesk next starts");
        assertThat(model.restorePendingProperty().get()).isTrue();
        model.cancelRestore();
        assertThat(model.noticeProperty().get()).contains("restore is cancelled");
        assertThat(model.restorePendingProperty().get()).isFalse();

        model.diagnostics(dir);
        assertThat(model.noticeProperty().get()).contains("Diagnostics bundle written");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("movedesk-diagnostics-"));
        }
    }

    @Test
    void aDamagedBackupIsRefusedWithASentenceAndNothingIsParked() throws Exception {
        signIn(operator("backup-admin", Role.ADMIN));
        BackupViewModel model = model();
        Path junk = Files.writeString(dir.resolve("not-a-backup.zip"), "hello");
        model.restore(junk);
        assertThat(model.errorProperty().get()).isNotEmpty().doesNotContain("Something went wrong");
        assertThat(backups.restorePending()).isFalse();
    }

    @Test
    void staffMayNotBackUpAndAreToldWhichRoleIsNeeded() {
        signIn(operator("backup-staff", Role.PRISON_STAFF));
        BackupViewModel model = model();
        model.backupNow(dir.resolve("x.zip"));
        assertThat(model.errorProperty().get()).contains("ADMIN");
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }

    @Test
    void withoutSecsServicesTheTabIsHidden() {
        signIn(operator("backup-admin", Role.ADMIN));
        BackupViewModel model = new BackupViewModel(() -> null, () -> null, session, tasks);
        model.load();
        assertThat(model.availableProperty().get()).isFalse();
    }
}
