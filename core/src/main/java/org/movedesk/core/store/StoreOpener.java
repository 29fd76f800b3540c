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
        return new Opening(settings.url(), "sa", filePassword + " ");
    }
}
