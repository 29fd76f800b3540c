package org.movedesk.core.security;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Where the keystore password comes from. If the deployment supplies one (environment variable
 * {@value #ENV_VARIABLE} or property {@value #PROPERTY}, e.g. filled from the OS keyring by a
 * login script) it is used as is. Otherwise it is derived (PBKDF2) from this machine's id and the
 * OS user name: the keystore file alone, copied to another computer or account, does not open.
 */
public final class KeystorePassword {

    public static final String ENV_VARIABLE = "MOVEDESK_SECURITY_KEYSTORE_PASSWORD";
    public static final String PROPERTY = "movedesk.security.keystore-password";
    private static final List<Path> MACHINE_ID_FILES = List.of(Path.of("/etc/machine-id"), Path.of("/var/lib/dbus/machine-id"));
    private static final byte[] SALT = "movedesk-keystore-password-v1".getBytes(StandardCharsets.UTF_8);
    private static final int ITERATIONS = 120_000;

    private KeystorePassword() {
    }

    /** @param configured the property value if set (may be null), env the process environment */
    public static char[] resolve(String configured, Map<String, String> env) {
        if (configured != null && !configured.isBlank()) {
            return configured.toCharArray();
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.toCharArray();
        }
        return derived(machineId(), System.getProperty("user.name", "user"));
    }

    static char[] derived(String machineId, String userName) {
        try {
            PBEKeySpec spec = new PBEKeySpec((machineId + "\u0000" + userName).toCharArray(), SALT, ITERATIONS, 256);
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return Base64.getEncoder().withoutPadding().encodeToString(raw).toCharArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    static String machineId() {
        for (Path file : MACHINE_ID_FILES) {
            try {
                if (Files.isReadable(file)) {
                    String id = Files.readString(file).trim();
                    if (!id.isEmpty()) {
                        return id;
                    }
                }
            } catch (IOException ignored) {
                // try the next source
            }
        }
        String windows = System.getenv("COMPUTERNAME");
        if (windows != null && !windows.isBlank()) {
            return windows;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
