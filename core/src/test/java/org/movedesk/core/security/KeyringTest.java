package org.movedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {

    @TempDir
    Path dir;

    @Test
    void keysAreRandomStableAndTheFileIsPrivate() throws Exception {
        Path file = dir.resolve("keys/k.p12");
        StoreKeyring keyring = new StoreKeyring(file, "pw".toCharArray());
        byte[] store = keyring.storeKey().getEncoded();
        byte[] secrets = keyring.secretsKey().getEncoded();

        assertThat(store).hasSize(32).isNotEqualTo(secrets);
        assertThat(new StoreKeyring(file, "pw".toCharArray()).storeKey().getEncoded()).isEqualTo(store);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        byte[] raw = Files.readAllBytes(file);
        assertThat(indexOf(raw, store)).as("the store key is not in the file in the clear").isEqualTo(-1);
        assertThat(indexOf(raw, secrets)).as("nor the secrets key").isEqualTo(-1);
    }

    @Test
    void aKeystoreCopiedToAnotherMachineOrUserDoesNotOpen() {
        Path file = dir.resolve("k.p12");
        char[] here = KeystorePassword.derived("machine-a", "alice");
        new StoreKeyring(file, here).storeKey();

        assertThat(KeystorePassword.derived("machine-a", "alice")).isEqualTo(here);
        assertThatThrownBy(() -> new StoreKeyring(file, KeystorePassword.derived("machine-b", "alice")).storeKey())
                .isInstanceOf(StoreKeyring.KeyringException.class)
                .hasMessageContaining("copied from another computer or user account")
                .hasMessageContaining(KeystorePassword.ENV_VARIABLE);
    }

    @Test
    void aConfiguredPasswordWinsOverTheEnvironmentAndTheMachineSecret() {
        assertThat(KeystorePassword.resolve("from-config", Map.of(KeystorePassword.ENV_VARIABLE, "from-env")))
                .isEqualTo("from-config".toCharArray());
        assertThat(KeystorePassword.resolve(null, Map.of(KeystorePassword.ENV_VARIABLE, "from-env")))
                .isEqualTo("from-env".toCharArray());
        assertThat(KeystorePassword.resolve(null, Map.of())).hasSizeGreaterThan(30);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
