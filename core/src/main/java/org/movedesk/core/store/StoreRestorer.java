package org.movedesk.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.movedesk.core.security.StoreKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup zip (as written by H2's {@code BACKUP TO}) into the store folder while no
 * MoveDesk has the store open. The backup is unpacked and opened first (right key, a MoveDesk
 * schema with its append-only history triggers), then the current store is kept as a safety
 * backup, and only then replaced. A restore requested from the running desk is parked as
 * {@value #PENDING} and applied at the next start, before the store is opened.
 */
public final class StoreRestorer {

    public static final String PENDING = "restore-pending.zip";
    public static final String PENDING_LABEL = "restore-pending.txt";
    public static final String RESTORED_MARKER = "restored-from.txt";
    private static final Logger LOG = LoggerFactory.getLogger(StoreRestorer.class);

    private StoreRestorer() {
    }

    /** Restores now; returns the safety copy of the store it replaced (empty if there was none). */
    public static Optional<Path> restore(StoreSettings settings, StoreKeyring keyring, Path backupZip, Clock clock) {
        return restore(settings, keyring, backupZip, backupZip.getFileName().toString(), clock);
    }

    private static Optional<Path> restore(StoreSettings settings, StoreKeyring keyring, Path backupZip, String label,
                                          Clock clock) {
        Path current = settings.mvFile();
        StoreLock.requireNotInUse(current, "restore the backup");
        Path staging = unpackAndCheck(settings, keyring, backupZip, clock);
        try {
            Optional<Path> safety = Optional.empty();
            if (Files.exists(current)) {
                Files.createDirectories(settings.backupDir());
                Path copy = settings.backupDir().resolve("before-restore-" + StoreFiles.stamp(clock) + ".zip");
                zipSingleFile(current, copy);
                safety = Optional.of(copy);
            }
            Files.createDirectories(current.getParent());
            Files.move(staging.resolve(current.getFileName()), current, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(current.resolveSibling(RESTORED_MARKER), label + "\n"
                    + safety.map(Path::toString).orElse("") + "\n");
            LOG.info("Store restored from {}; the previous store is kept as {}", backupZip.getFileName(),
                    safety.map(Path::toString).orElse("(none)"));
            return safety;
        } catch (IOException e) {
            throw StoreUnusableException.withCause("RESTORE_FAILED", current, "The backup " + backupZip
                    + " could not be put in place (" + e.getMessage() + "); the current store was not changed.", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** From the running desk: check the backup now, apply it at the next start. */
    public static Path requestRestore(StoreSettings settings, StoreKeyring keyring, Path backupZip, Clock clock) {
        deleteQuietly(unpackAndCheck(settings, keyring, backupZip, clock));
        Path pending = settings.dir().resolve(PENDING);
        try {
            Files.copy(backupZip, pending, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(settings.dir().resolve(PENDING_LABEL), backupZip.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new StoreUnusableException("RESTORE_FAILED", settings.mvFile(), "The backup " + backupZip
                    + " could not be copied into the store folder (" + e.getMessage() + ").");
        }
        return pending;
    }

    /** At start, before the store opens: applies a parked restore, if any. */
    public static Optional<Path> applyPending(StoreSettings settings, StoreKeyring keyring, Clock clock) {
        Path pending = settings.dir().resolve(PENDING);
        if (!Files.isRegularFile(pending)) {
            return Optional.empty();
        }
        Path labelFile = settings.dir().resolve(PENDING_LABEL);
        String label = PENDING;
        try {
            if (Files.isRegularFile(labelFile)) {
                label = Path.of(Files.readString(labelFile).trim()).getFileName().toString();
            }
        } catch (IOException | RuntimeException unreadable) {
            // the label only names the backup in the history; the restore itself does not need it
        }
        restore(settings, keyring, pending, label, clock);
        try {
            Files.deleteIfExists(labelFile);
            Files.deleteIfExists(pending);
        } catch (IOException e) {
            LOG.warn("The applied restore file {} could not be deleted: {}", pending, e.getMessage());
        }
        return Optional.of(pending);
    }

    static Path unpackAndCheck(StoreSettings settings, StoreKeyring keyring, Path backupZip, Clock clock) {
        if (!Files.isRegularFile(backupZip)) {
            throw new StoreUnusableException("BACKUP_NOT_FOUND", null, "There is no backup file " + backupZip + ".");
        }
        Path staging = settings.dir().resolve(".restoring-" + StoreFiles.stamp(clock));
        Path target = staging.resolve(StoreUrl.FILE_NAME + StoreFiles.MV_SUFFIX);
        try {
            Files.createDirectories(staging);
            boolean found = false;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backupZip))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (!e.isDirectory() && e.getName().endsWith(StoreFiles.MV_SUFFIX)) {
                        if (found) {
                            throw notABackup(backupZip, "it holds more than one database file", null);
                        }
                        Files.copy(zip, target);
                        found = true;
                    }
                }
            }
            if (!found) {
                throw notABackup(backupZip, "it holds no MoveDesk database file (*.mv.db)", null);
            }
            checkOpens(settings, keyring, staging, backupZip);
            return staging;
        } catch (IOException e) {
            deleteQuietly(staging);
            throw notABackup(backupZip, "it cannot be read as a zip file (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
    }

    private static void checkOpens(StoreSettings settings, StoreKeyring keyring, Path staging, Path backupZip) {
        StoreFileKind kind = StoreFiles.inspect(staging.resolve(StoreUrl.FILE_NAME + StoreFiles.MV_SUFFIX));
        String url;
        String password;
        switch (kind) {
            case ENCRYPTED -> {
                if (keyring.existingStoreKey() == null) {
                    throw notABackup(backupZip, "it is encrypted and this desk has no store key at " + keyring.file(), null);
                }
                url = StoreUrl.encryptedForDirectory(staging);
                password = keyring.h2FilePassword() + " ";
            }
            case PLAIN -> {
                url = StoreUrl.forDirectory(staging);
                password = "";
            }
            default -> throw notABackup(backupZip, "its database file is damaged or not an H2 database", null);
        }
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", password);
             Statement s = c.createStatement()) {
            if (!exists(s, "select count(*) from information_schema.tables where lower(table_name) in "
                    + "('flyway_schema_history', 'history', 'history_head')", 3)) {
                throw notABackup(backupZip, "it is not a MoveDesk store (no MoveDesk schema inside)", null);
            }
            if (!exists(s, "select count(*) from information_schema.triggers where lower(trigger_name) in "
                    + "('history_no_update', 'history_no_delete')", 2)) {
                throw notABackup(backupZip, "its history is not protected by the append-only triggers", null);
            }
        } catch (SQLException e) {
            throw notABackup(backupZip, kind == StoreFileKind.ENCRYPTED
                    ? "it cannot be opened with this desk's store key (made on another desk?) or is damaged: " + e.getMessage()
                    : "it cannot be opened: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement s, String sql, int expected) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getInt(1) == expected;
        }
    }

    private static StoreUnusableException notABackup(Path backupZip, String why, Throwable cause) {
        return StoreUnusableException.withCause("BACKUP_UNUSABLE", backupZip, "The file " + backupZip
                + " cannot be restored: " + why + ". The current store was not changed.", cause);
    }

    static void zipSingleFile(Path file, Path zipFile) throws IOException {
        Path temp = zipFile.resolveSibling(zipFile.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out);
             InputStream in = Files.newInputStream(file)) {
            zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
            in.transferTo(zip);
            zip.closeEntry();
        }
        Files.move(temp, zipFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover staging folder holds a copy of a backup only
        }
    }
}
