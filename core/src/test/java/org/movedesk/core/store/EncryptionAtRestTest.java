package org.movedesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Known personal data is written through the real services, the store is closed, and the raw
 * bytes of every *.mv.db are scanned. The same scan on a plain store finds the values, so the
 * test can fail; the plain store is then migrated in place and scanned again.
 */
class EncryptionAtRestTest {

    private static final String PRISON_NUMBER = "Z9876YX";
    private static final String FIRST = "Quentinella";
    private static final String LAST = "Marchbankson";
    private static final String PNC = "2011/0098765Q";

    @TempDir
    Path root;

    @Test
    void personalDataIsNotReadableInTheEncryptedFileAndAPlainStoreIsMigrated() throws IOException {
        // a desk from before encryption: plain store with a known person
        try (ConfigurableApplicationContext plain = StoreContexts.start(root, Map.of(StoreSettings.ENCRYPT, "false"))) {
            writeKnownPerson(plain);
        }
        assertThat(StoreFiles.inspect(StoreFiles.mvFile(root.resolve("store")))).isEqualTo(StoreFileKind.PLAIN);
        assertThat(rawStoreText()).as("control: a plain store shows the values").contains(PRISON_NUMBER, LAST);

        // the next start with encryption on (the default) encrypts it in place and still finds the person
        try (ConfigurableApplicationContext encrypted = StoreContexts.start(root, Map.of())) {
            assertThat(encrypted.getBean(PersonService.class).findByPrisonNumber(PRISON_NUMBER))
                    .hasValueSatisfying(p -> assertThat(p.getLastName()).isEqualTo(LAST));
            encrypted.getBean(PersonService.class).upsertFromCentral(StoreFixture.system(), new PersonData(
                    UUID.randomUUID().toString(), "Y1234ZZ", null, "Ottoline", "Featherstonehaugh",
                    LocalDate.of(1980, 5, 6), "female", null));
        }
        assertThat(StoreFiles.inspect(StoreFiles.mvFile(root.resolve("store")))).isEqualTo(StoreFileKind.ENCRYPTED);
        String raw = rawStoreText();
        for (String value : List.of(PRISON_NUMBER, FIRST, LAST, PNC, "Y1234ZZ", "Ottoline", "Featherstonehaugh")) {
            assertThat(raw).as("raw bytes must not contain " + value).doesNotContain(value);
        }
        assertThat(Files.list(root.resolve("store")).map(p -> p.getFileName().toString()))
                .as("no staging copy left behind").noneMatch(n -> n.startsWith(".encrypting"));
        assertThat(root.resolve("config/keys/movedesk-keys.p12")).exists();
        assertThat(root.resolve("store").resolve("movedesk-keys.p12")).doesNotExist();
    }

    @Test
    void aPlainStoreIsRefusedWithAClearMessageWhenThePolicySaysSo() throws Exception {
        Path storeDir = root.resolve("store");
        PlainStoreFiles.create(storeDir);
        StoreSettings refuse = new StoreSettings(storeDir, true, StoreSettings.PlainStorePolicy.REFUSE,
                root.resolve("keys.p12"), "pw");
        byte[] before = Files.readAllBytes(StoreFiles.mvFile(storeDir));

        assertThatThrownBy(() -> StoreOpener.prepare(refuse, Map.of(), Clock.systemUTC()))
                .isInstanceOf(StoreUnusableException.class)
                .hasMessageContaining("is not encrypted and movedesk.store.plain-stores=refuse")
                .extracting(e -> ((StoreUnusableException) e).code()).isEqualTo("STORE_NOT_ENCRYPTED");
        assertThat(Files.readAllBytes(StoreFiles.mvFile(storeDir))).as("nothing changed").isEqualTo(before);
    }

    @Test
    void anEncryptedStoreWhoseKeyIsMissingIsRefusedNotReplaced() throws Exception {
        try (ConfigurableApplicationContext ctx = StoreContexts.start(root, Map.of())) {
            writeKnownPerson(ctx);
        }
        Files.delete(root.resolve("config/keys/movedesk-keys.p12"));
        byte[] before = Files.readAllBytes(StoreFiles.mvFile(root.resolve("store")));

        assertThatThrownBy(() -> StoreOpener.prepare(StoreContexts.settings(root), Map.of(), Clock.systemUTC()))
                .isInstanceOf(StoreUnusableException.class)
                .hasMessageContaining("is encrypted but its key is not in")
                .hasMessageContaining("Nothing was changed");
        assertThat(Files.readAllBytes(StoreFiles.mvFile(root.resolve("store")))).isEqualTo(before);
        assertThat(root.resolve("config/keys/movedesk-keys.p12")).as("no new key made").doesNotExist();
    }

    private static void writeKnownPerson(ConfigurableApplicationContext ctx) {
        ctx.getBean(PersonService.class).upsertFromCentral(StoreFixture.system(), new PersonData(
                UUID.randomUUID().toString(), PRISON_NUMBER, PNC, FIRST, LAST, LocalDate.of(1975, 3, 4), "female",
                UUID.randomUUID().toString()));
    }

    private String rawStoreText() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".mv.db")).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                // ISO-8859-1 maps every byte to one char: a byte-exact substring search
                all.append(new String(bytes, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
