package org.movedesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.ops.config.SettingsFile;
import org.movedesk.core.security.SecretStore;
import org.movedesk.ui.testing.ViewModelTest;

/** The secret goes to sec's encrypted secret store, the rest to its settings file. */
class CentralSettingsStoreTest extends ViewModelTest {

    @Autowired SecretStore secrets;
    @TempDir Path dir;

    @Test
    void theSecretIsStoredEncryptedAndNeverInTheFile() throws Exception {
        Actor admin = operator("settings-admin", Role.ADMIN);
        CentralSettingsStore store = new CentralSettingsStore(new SettingsFile(dir.resolve("settings.properties")), secrets);
        char[] typed = "s3cret-from-the-central-team".toCharArray();

        CentralSettingsStore.Saved saved = store.save(admin, "https://moves.example", "https://rp.example",
                "https://auth.example/oauth/token", "desk-7", Optional.of(typed));

        assertThat(saved.secretStored()).isTrue();
        assertThat(store.secretStored(admin)).isTrue();
        assertThat(new String(typed)).doesNotContain("s3cret");
        assertThat(Files.readString(dir.resolve("settings.properties"))).contains("movedesk.central.client-id=desk-7")
                .contains("movedesk.central.token-url=https\\://auth.example/oauth/token")
                .doesNotContain("s3cret");
        assertThat(secrets.reveal(Actor.system("sync", "desk"), SecretStore.CENTRAL_CLIENT_SECRET)).get()
                .satisfies(value -> assertThat(new String(value)).isEqualTo("s3cret-from-the-central-team"));
    }
}
