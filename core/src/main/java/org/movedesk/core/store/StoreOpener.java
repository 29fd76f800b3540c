package org.movedesk.core.store;

import java.time.Clock;
import java.util.Map;

import org.movedesk.core.security.StoreKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that must happen to the store file before the connection pool opens it: apply a
 * parked restore, refuse a damaged or foreign file (with the ways out), encrypt an old plain
 * store (or refuse, by policy), and find the key. Returns the URL and password to open with.
 */
public final class StoreOpener {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOpener.class);

    /** What the pool gets; {@link #toString()} leaves the password out. */
    public record Opening(String url, String user, String password) {
        @Override
        public String toString() {
            return "Opening[url=" + url + "]";
        }
    }

    private StoreOpener() {
    }

    public static Opening prepare(StoreSettings settings, Map<String, String> processEnv, Clock clock) {
        StoreKeyring keyring = settings.keyring(processEnv);
        StoreRestorer.applyPending(settings, keyring, clock);
        StoreFileKind kind = StoreFiles.inspect(settings.mvFile());
        if (kind == StoreFileKind.UNKNOWN) {
            throw new StoreUnusableException("STORE_DAMAGED", settings.mvFile(), "The store file " + settings.mvFile()
                    + " is not a MoveDesk database: it is empty, damaged or a foreign file.", null);
        }
        if (!settings.encrypt()) {
            if (kind == StoreFileKind.ENCRYPTED) {
                throw new StoreUnusableException("STORE_ENCRYPTED", settings.mvFile(), "The store " + settings.mvFile()
                        + " is encrypted but " + StoreSettings.ENCRYPT + "=false; remove that setting to open it.");
            }
            LOG.warn("Store encryption is switched off ({}=false): {} is readable by anyone who can read the file",
                    StoreSettings.ENCRYPT, settings.mvFile());
            return new Opening(settings.url(), "sa", "");
        }
        if (kind == StoreFileKind.ENCRYPTED && keyring.existingStoreKey() == null) {
            throw new StoreUnusableException("STORE_KEY_MISSING", settings.mvFile(), "The store " + settings.mvFile()
                    + " is encrypted but its key is not in " + keyring.file() + " (set " + StoreSettings.KEYSTORE
                    + " if the key file was moved).", null);
        }
        String filePassword = keyring.h2FilePassword();
        if (kind == StoreFileKind.PLAIN) {
            if (settings.plainStores() == StoreSettings.PlainStorePolicy.REFUSE) {
                throw new StoreUnusableException("STORE_NOT_ENCRYPTED", settings.mvFile(), "The store "
                        + settings.mvFile() + " is not encrypted and " + StoreSettings.PLAIN_STORES
                        + "=refuse. Set it to migrate to encrypt the store in place at the next start, or keep it "
                        + "unencrypted with " + StoreSettings.ENCRYPT + "=false.");
            }
            PlainStoreMigrator.encryptInPlace(settings.mvFile(), filePassword, clock);
        }
        Opening opening = new Opening(settings.url(), "sa", filePassword + " ");
        if (kind != StoreFileKind.ABSENT) {
            probeReadOnly(opening, settings.mvFile());
        }
        return opening;
    }

    /**
     * Opens an existing store once read-only before the pool opens it for writing: H2 would
     * otherwise quietly write a new, empty database into a file whose data it cannot find, and the
     * damaged original would be gone. Read-only, a damaged file stays exactly as it was.
     */
    static void probeReadOnly(Opening opening, java.nio.file.Path file) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                opening.url() + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", opening.user(), opening.password());
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(
                     "select count(*) from information_schema.tables where table_schema = 'PUBLIC'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                throw noData(file, null);
            }
        } catch (java.sql.SQLException e) {
            // read-only, H2 cannot start the empty database it would otherwise write into the file
            throw e.getErrorCode() == DATABASE_IS_READ_ONLY ? noData(file, e) : StoreHealth.translate(e, file);
        }
    }

    private static final int DATABASE_IS_READ_ONLY = 90097;

    private static StoreUnusableException noData(java.nio.file.Path file, Throwable cause) {
        return new StoreUnusableException("STORE_DAMAGED", file, "The store file " + file + " exists but H2 found no "
                + "data in it: it is damaged (truncated?) or was left empty by a failed first start.", cause);
    }
}
