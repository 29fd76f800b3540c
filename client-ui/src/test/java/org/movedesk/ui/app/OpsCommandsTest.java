package org.movedesk.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line operations end to end on a real (encrypted) store, without a display. */
class OpsCommandsTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void selfCheckBackupDiagnosticsRestoreOnOneStore() throws Exception {
        Path store = root.resolve("store");
        String config = "--movedesk.config.dir=" + root.resolve("config");

        assertThat(run("", "--self-check", store.toString(), config)).isZero();
        assertThat(stdout()).startsWith("MoveDesk self-check OK: store " + store.resolve("movedesk.mv.db") + " (encrypted)")
                .containsPattern("schema V\\d+,").hasLineCount(1);

        Path backup = root.resolve("backups/first.zip");
        assertThat(run("", "--backup", backup.toString(), "--movedesk.store.dir=" + store, config)).isZero();
        assertThat(stdout()).startsWith("MoveDesk backup OK: " + backup);
        assertThat(backup).exists();

        assertThat(run("", "--diagnostics=" + root.resolve("support"), "--movedesk.store.dir=" + store, config)).isZero();
        assertThat(stdout()).startsWith("MoveDesk diagnostics bundle written: " + root.resolve("support"));

        assertThat(run("no\n", "--restore", backup.toString(), "--movedesk.store.dir=" + store, config))
                .as("not confirmed").isEqualTo(OpsCommands.FAILED);
        assertThat(stderr()).contains("not confirmed; nothing was changed");
        assertThat(run("RESTORE\n", "--restore", backup.toString(), "--movedesk.store.dir=" + store, config)).isZero();
        assertThat(stdout()).contains("MoveDesk restore OK: ").contains("previous store kept as " + store.resolve("backups"));

        assertThat(run("", "--self-check", store.toString(), config)).isZero();
        assertThat(stdout()).startsWith("MoveDesk self-check OK");
    }

    @Test
    void aDamagedStoreFailsTheSelfCheckWithTheWayOutAndCanBeMovedAside() throws Exception {
        Path store = Files.createDirectories(root.resolve("store"));
        Files.writeString(store.resolve("movedesk.mv.db"), "this is not a database");
        String config = "--movedesk.config.dir=" + root.resolve("config");

        assertThat(run("", "--self-check", store.toString(), config)).isEqualTo(OpsCommands.FAILED);
        assertThat(stderr()).contains("is not a MoveDesk database").contains("movedesk --move-store-aside")
                .contains("movedesk --restore");
        assertThat(store.resolve("movedesk.mv.db")).hasContent("this is not a database");

        assertThat(run("", "--move-store-aside", "--yes", "--movedesk.store.dir=" + store, config)).isZero();
        assertThat(store.resolve("movedesk.mv.db")).doesNotExist();
        assertThat(run("", "--self-check", store.toString(), config)).isZero();
    }

    @Test
    void wrongUsageIsExplained() {
        assertThat(OpsCommands.handles(new String[] {"--movedesk.mode=demo"})).isFalse();
        assertThat(OpsCommands.handles(new String[] {"--backup=/tmp/x.zip"})).isTrue();
        assertThat(run("", "--backup")).isEqualTo(OpsCommands.FAILED);
        assertThat(stderr()).contains("--backup needs a backup file (.zip) or folder");
        assertThat(run("", "--backup", "a.zip", "--restore", "b.zip")).isEqualTo(OpsCommands.USAGE);
    }

    @Test
    void selfCheckWithoutAFolderUsesAThrowAwayStore() {
        assertThat(run("", "--self-check")).isZero();
        assertThat(stdout()).startsWith("MoveDesk self-check OK: store ").contains("movedesk-self-check");
    }

    private int run(String input, String... args) {
        out.reset();
        err.reset();
        return new OpsCommands(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader(input)), Map.of()).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
