package org.movedesk.core.store;

import java.nio.file.Path;

/**
 * Builds the H2 URL of the local store. Always {@code WRITE_DELAY=0}: H2's default delay
 * loses the last second of committed transactions on kill -9, and an operator must be able to
 * trust that an acknowledged action is stored.
 */
public final class StoreUrl {

    public static final String FILE_NAME = "movedesk";
    public static final String DIR_PROPERTY = "movedesk.store.dir";

    private StoreUrl() {
    }

    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".movedesk", "data");
    }

    public static String forDirectory(Path dir) {
        String base = dir.toAbsolutePath().resolve(FILE_NAME).toString().replace('\\', '/');
        // LOCK_TIMEOUT: two operators acting at once wait for each other instead of failing at 1 s
        return "jdbc:h2:file:" + base + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /**
     * The same store with H2 file encryption (AES). The password handed to the driver must then be
     * "&lt;file password&gt; &lt;user password&gt;"; see {@link org.movedesk.core.security.StoreKeyring}.
     */
    public static String encryptedForDirectory(Path dir) {
        return forDirectory(dir) + ";" + CIPHER;
    }

    public static final String CIPHER = "CIPHER=AES";
}
