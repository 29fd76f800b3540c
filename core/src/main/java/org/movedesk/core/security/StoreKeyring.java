package org.movedesk.core.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The desk's keys: random 256-bit AES keys kept in a PKCS12 keystore in the user's config folder
 * (never beside the store files). One key encrypts the H2 store file, a second one the secrets
 * kept by {@link SecretStore}, so a leak of one use does not expose the other.
 *
 * <p>The keystore password is never stored: it is either given by the deployment (an environment
 * variable filled from the OS keyring or a secrets manager) or derived from this machine's and
 * this user's identity, see {@link KeystorePassword}. ADR 0070 explains the threat model.
 */
public final class StoreKeyring {

    public static final String STORE_KEY_ALIAS = "movedesk-store-file";
    public static final String SECRETS_KEY_ALIAS = "movedesk-secrets";
    private static final String TYPE = "PKCS12";

    private final Path file;
    private final char[] password;
    private final SecureRandom random = new SecureRandom();

    public StoreKeyring(Path file, char[] password) {
        this.file = file.toAbsolutePath();
        this.password = password.clone();
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The store file key; created (with the keystore) on first use. */
    public synchronized SecretKey storeKey() {
        return key(STORE_KEY_ALIAS, true);
    }

    /** The store file key if the keystore already holds one, without creating anything. */
    public synchronized SecretKey existingStoreKey() {
        return exists() ? key(STORE_KEY_ALIAS, false) : null;
    }

    public synchronized SecretKey secretsKey() {
        return key(SECRETS_KEY_ALIAS, true);
    }

    /**
     * The H2 file password for the store: the hex form of the store key (H2 hashes it again
     * with a salt), a space, then the empty database user password.
     */
    public String h2FilePassword() {
        return HexFormat.of().formatHex(storeKey().getEncoded());
    }

    private SecretKey key(String alias, boolean create) {
        SecretKey found = read(alias);
        if (found != null || !create) {
            return found;
        }
        // two desks (or test JVMs) starting at once must not each make a key and overwrite the other's
        // file locks are per process: threads of this JVM queue on the class first
        synchronized (StoreKeyring.class) {
            return createLocked(alias);
        }
    }

    private SecretKey createLocked(String alias) {
        try {
            Files.createDirectories(file.getParent());
            try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(
                    file.resolveSibling(file.getFileName() + ".lock"), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock ignored = lockFile.lock()) {
                SecretKey madeMeanwhile = read(alias);
                return madeMeanwhile != null ? madeMeanwhile : create(alias);
            }
        } catch (IOException e) {
            throw new KeyringException("The key file " + file + " cannot be created: " + e.getMessage(), e);
        }
    }

    private SecretKey read(String alias) {
        KeyStore store = load();
        try {
            KeyStore.Entry entry = store.getEntry(alias, new KeyStore.PasswordProtection(password));
            return entry instanceof KeyStore.SecretKeyEntry secret ? secret.getSecretKey() : null;
        } catch (UnrecoverableKeyException wrongPassword) {
            throw cannotOpen(wrongPassword);
        } catch (GeneralSecurityException e) {
            throw new KeyringException("The key file " + file + " holds an unreadable entry '" + alias + "': "
                    + e.getMessage(), e);
        }
    }

    private SecretKey create(String alias) {
        KeyStore store = load();
        try {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            SecretKey fresh = new SecretKeySpec(raw, "AES");
            store.setEntry(alias, new KeyStore.SecretKeyEntry(fresh), new KeyStore.PasswordProtection(password));
            save(store);
            return fresh;
        } catch (GeneralSecurityException e) {
            throw new KeyringException("The key file " + file + " holds an unreadable entry '" + alias + "': "
                    + e.getMessage(), e);
        }
    }

    private KeyStore load() {
        try {
            KeyStore store = KeyStore.getInstance(TYPE);
            if (!exists()) {
                store.load(null, password);
                return store;
            }
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw cannotOpen(e);
            }
            throw new KeyringException("The key file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyringException("The key file " + file + " is not a valid PKCS12 keystore: " + e.getMessage(), e);
        }
    }

    private KeyringException cannotOpen(Exception cause) {
        return new KeyringException("The key file " + file + " cannot be opened with this machine's and user's key "
                + "password. It was probably copied from another computer or user account. Set "
                + KeystorePassword.ENV_VARIABLE + " to the password it was made with, or restore the store on the "
                + "desk that made it.", cause);
    }

    private void save(KeyStore store) throws GeneralSecurityException {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            Path temp = Files.createTempFile(dir, ".keyring", ".tmp");
            ownerOnly(temp, "rw-------");
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KeyringException("The key file " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path path, String perms) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the user profile folder is already private to the user
        }
    }

    /** Thrown when the keystore exists but cannot be used; never answered by making a new key. */
    public static class KeyringException extends org.movedesk.core.common.MoveDeskException {
        public KeyringException(String message, Throwable cause) {
            super("STORE_KEY_UNUSABLE", message, cause);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
