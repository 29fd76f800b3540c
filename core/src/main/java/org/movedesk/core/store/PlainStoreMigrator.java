package org.movedesk.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an existing plain store into an encrypted one without risking it: the file is copied to a
 * staging folder, the copy is encrypted and opened once to prove it works, and only then does the
 * encrypted copy replace the plain file (one atomic rename). If anything fails the plain store is
 * untouched and the start stops with the reason.
 */
public final class PlainStoreMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(PlainStoreMigrator.class);

    private PlainStoreMigrator() {
    }

    public static void encryptInPlace(Path mvFile, String filePassword, Clock clock) {
        StoreLock.requireNotInUse(mvFile, "start again to encrypt the store");
        Path staging = mvFile.resolveSibling(".encrypting-" + StoreFiles.stamp(clock));
        try {
            Files.createDirectories(staging);
            Path copy = staging.resolve(mvFile.getFileName());
            Files.copy(mvFile, copy, StandardCopyOption.COPY_ATTRIBUTES);
            ChangeFileEncryption.execute(staging.toString(), StoreUrl.FILE_NAME, "AES", null,
                    filePassword.toCharArray(), true);
            if (StoreFiles.inspect(copy) != StoreFileKind.ENCRYPTED) {
                throw new IllegalStateException("the encrypted copy has no encryption header");
            }
            try (Connection c = DriverManager.getConnection(StoreUrl.encryptedForDirectory(staging), "sa", filePassword + " ");
                 Statement s = c.createStatement()) {
                s.execute("select count(*) from information_schema.tables");
            }
            Files.move(copy, mvFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("The plain store {} was encrypted (AES); its key is in the desk keystore", mvFile);
        } catch (SQLException | IOException | RuntimeException e) {
            throw new StoreUnusableException("STORE_ENCRYPTION_FAILED", mvFile, "The unencrypted store " + mvFile
                    + " could not be encrypted (" + e.getMessage() + "); the plain file is untouched.", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover staging folder holds an encrypted copy only; the next migration uses a new name
        }
    }
}
