package org.movedesk.core.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import javax.sql.DataSource;

import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.store.StoreFiles;

/**
 * H2's online backup ({@code BACKUP TO}): a consistent zip of the store file while the desk keeps
 * working. The zip holds the file as it is on disk, so a backup of an encrypted store is encrypted
 * with the same key. Written under a temporary name and renamed, so a half-written backup never
 * looks like a good one.
 */
public final class OnlineBackup {

    private OnlineBackup() {
    }

    /** target: a .zip file, or a folder to put a time-stamped backup into. */
    public static BackupResult write(DataSource dataSource, Path target, String prefix, Clock clock) {
        // a name without .zip is a folder (made if missing); a .zip name is the file itself
        Path file = Files.isDirectory(target) || !target.getFileName().toString().toLowerCase().endsWith(".zip")
                ? target.resolve(prefix + "-" + StoreFiles.stamp(clock) + ".zip")
                : target;
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new IOException(file + " exists and is not a file");
            }
            Files.deleteIfExists(temp);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + temp.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new BackupResult(file.toAbsolutePath(), clock.instant(), Files.size(file));
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the .part name marks it as unusable anyway
            }
            throw new MoveDeskException("BACKUP_FAILED", "The backup to " + file + " failed: " + e.getMessage()
                    + ". Check the folder exists, is writable and has free space.", e);
        }
    }
}
