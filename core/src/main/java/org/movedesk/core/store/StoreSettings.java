package org.movedesk.core.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.movedesk.core.security.KeystorePassword;
import org.movedesk.core.security.StoreKeyring;
import org.springframework.core.env.Environment;

/**
 * The store's resolved settings: folder, whether the file is encrypted, what to do with an old
 * plain store, and where the key lives. Read from Spring's environment (so the configuration
 * layers of docs/configuration.md apply) or from any lookup (command-line tools).
 */
public record StoreSettings(Path dir, boolean encrypt, PlainStorePolicy plainStores, Path keystore,
                            String keystorePassword) {

    public static final String ENCRYPT = "movedesk.store.encrypt";
    public static final String PLAIN_STORES = "movedesk.store.plain-stores";
    public static final String CONFIG_DIR = "movedesk.config.dir";
    public static final String KEYSTORE = "movedesk.security.keystore";

    /** An existing unencrypted store found while encryption is on. */
    public enum PlainStorePolicy {
        /** Encrypt it in place (verified copy first), then open it. */
        MIGRATE,
        /** Refuse to start, with a message; for sites that must decide themselves. */
        REFUSE
    }

    public static StoreSettings from(Environment env) {
        return from(env::getProperty);
    }

    public static StoreSettings from(Function<String, String> lookup) {
        String dir = lookup.apply(StoreUrl.DIR_PROPERTY);
        Path storeDir = blank(dir) ? StoreUrl.defaultDirectory() : Path.of(dir);
        String encrypt = lookup.apply(ENCRYPT);
        String plain = lookup.apply(PLAIN_STORES);
        PlainStorePolicy policy = blank(plain) ? PlainStorePolicy.MIGRATE
                : PlainStorePolicy.valueOf(plain.trim().toUpperCase(Locale.ROOT));
        String keystore = lookup.apply(KEYSTORE);
        Path keystorePath = blank(keystore) ? configDir(lookup).resolve("keys").resolve("movedesk-keys.p12") : Path.of(keystore);
        return new StoreSettings(storeDir.toAbsolutePath(), blank(encrypt) || Boolean.parseBoolean(encrypt.trim()), policy,
                keystorePath.toAbsolutePath(), lookup.apply(KeystorePassword.PROPERTY));
    }

    public static Path configDir(Function<String, String> lookup) {
        String configured = lookup.apply(CONFIG_DIR);
        return blank(configured) ? Path.of(System.getProperty("user.home"), ".movedesk") : Path.of(configured);
    }

    public Path mvFile() {
        return StoreFiles.mvFile(dir);
    }

    public Path backupDir() {
        return dir.resolve("backups");
    }

    public StoreKeyring keyring(Map<String, String> processEnv) {
        return new StoreKeyring(keystore, KeystorePassword.resolve(keystorePassword, processEnv));
    }

    public String url() {
        return encrypt ? StoreUrl.encryptedForDirectory(dir) : StoreUrl.forDirectory(dir);
    }

    @Override
    public String toString() {
        // the password must never reach a log line or a diagnostics bundle
        return "StoreSettings[dir=" + dir + ", encrypt=" + encrypt + ", plainStores=" + plainStores
                + ", keystore=" + keystore + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
