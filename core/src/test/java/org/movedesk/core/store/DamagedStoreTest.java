package org.movedesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged or foreign store file is refused at start with a message that names the file and
 * the ways out, and is never changed or replaced. Each case damages a copy of a real encrypted
 * MoveDesk store (Flyway schema applied) made without Spring.
 */
class DamagedStoreTest {

    @TempDir
    Path root;
    StoreSettings settings;
    Path file;

    @BeforeEach
    void realEncryptedStore() {
        settings = StoreContexts.settings(root);
        file = settings.mvFile();
        try (HikariDataSource ds = open()) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        }
        assertThat(StoreFiles.inspect(file)).isEqualTo(StoreFileKind.ENCRYPTED);
    }

    @Test
    void aGarbledHeaderIsRefusedBeforeAnythingOpensIt() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> StoreOpener.prepare(settings, Map.of(), Clock.systemUTC()))
                .isInstanceOf(StoreUnusableException.class)
                .hasMessageContaining("The store file " + file + " is not a MoveDesk database: it is empty, damaged or a foreign file.")
                .hasMessageContaining("Nothing was changed. Ways out: restore a backup (movedesk --restore <backup.zip>")
                .hasMessageContaining("movedesk --move-store-aside");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> StoreOpener.prepare(settings, Map.of(), Clock.systemUTC()))
                .isInstanceOf(StoreUnusableException.class).hasMessageContaining("is not a MoveDesk database");
    }

    /**
     * Cut to its headers: H2 would quietly start an empty database in it. (A file cut in the
     * middle may still open at an older complete version: H2's append-only chunks allow that.)
     */
    @Test
    void aTruncatedFileIsRefusedWhenOpened() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(3 * 4096);
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> StoreOpener.prepare(settings, Map.of(), Clock.systemUTC()))
                .isInstanceOf(StoreUnusableException.class)
                .hasMessageStartingWith("The store file " + file + " exists but H2 found no data in it")
                .hasMessageContaining("Ways out");
        assertThat(Files.readAllBytes(file)).as("the read-only probe leaves the damaged file as it was").isEqualTo(before);
    }

    @Test
    void garbledPagesInsideAreRefusedWhenOpened() throws Exception {
        long length = Files.size(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[(int) Math.min(64 * 1024, length / 2)];
            new java.util.Random(7).nextBytes(noise);
            f.seek(4096);
            f.write(noise);
            f.seek(length - noise.length);
            f.write(noise);
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> StoreOpener.prepare(settings, Map.of(), Clock.systemUTC()))
                .isInstanceOf(StoreUnusableException.class)
                .hasMessageContaining("Ways out");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aForeignH2DatabaseIsRefused() throws Exception {
        Path foreign = root.resolve("foreign");
        PlainStoreFiles.create(foreign, "create table invoices (id int)");
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(StoreUrl.forDirectory(foreign));
            ds.setUsername("sa");
            ds.setPassword("");
            assertThatThrownBy(() -> StoreHealth.check(ds))
                    .isInstanceOf(StoreUnusableException.class)
                    .hasMessageContaining("holds tables but no MoveDesk schema history: it belongs to another program")
                    .extracting(e -> ((StoreUnusableException) e).code()).isEqualTo("STORE_FOREIGN");
        }
    }

    @Test
    void theWayOutMovesTheFileAsideAndTheNextStartIsFresh() throws Exception {
        Files.write(file, new byte[] {1, 2, 3});
        Path aside = StoreFiles.moveAside(file, Clock.systemUTC());

        assertThat(aside).exists().hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(aside.getFileName().toString()).startsWith("movedesk.mv.db.aside-");
        StoreOpener.Opening opening = StoreOpener.prepare(settings, Map.of(), Clock.systemUTC());
        try (HikariDataSource ds = pool(opening)) {
            StoreHealth.check(ds);
        }
    }

    @Test
    void anotherKeyCannotOpenTheStore() {
        StoreSettings otherKey = new StoreSettings(settings.dir(), true, settings.plainStores(),
                root.resolve("other-keys.p12"), "other");
        // a fresh keystore would be created only for an ABSENT store; an encrypted one is refused
        assertThatThrownBy(() -> StoreOpener.prepare(otherKey, Map.of(), Clock.systemUTC()))
                .isInstanceOf(StoreUnusableException.class).hasMessageContaining("its key is not in");
        assertThat(root.resolve("other-keys.p12")).doesNotExist();
    }

    private HikariDataSource open() {
        return pool(StoreOpener.prepare(settings, Map.of(), Clock.systemUTC()));
    }

    static HikariDataSource pool(StoreOpener.Opening opening) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(opening.url());
        ds.setUsername(opening.user());
        ds.setPassword(opening.password());
        ds.setMaximumPoolSize(2);
        return ds;
    }
}
