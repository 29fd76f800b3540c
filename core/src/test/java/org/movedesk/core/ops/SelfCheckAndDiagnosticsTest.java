package org.movedesk.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.ops.config.ConfigLayers;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SelfCheckAndDiagnosticsTest extends CoreIntegrationTest {

    @Autowired
    SelfCheckService selfCheck;
    @Autowired
    DiagnosticsService diagnostics;
    @Autowired
    OutboxService outbox;
    @Autowired
    StoreLocation store;

    @TempDir
    Path dir;

    @Test
    void selfCheckReportsSchemaAndVerifiedHistoryChain() throws java.io.IOException {
        fixture.bookRequested();
        // the newest migration on the classpath (each branch adds its own; a fixed number broke at every one)
        int newest = java.util.Arrays.stream(new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                        .getResources("classpath*:db/migration/V*__*.sql"))
                .mapToInt(r -> Integer.parseInt(r.getFilename().substring(1, r.getFilename().indexOf("__"))))
                .max().orElseThrow();
        SelfCheckReport report = selfCheck.run();
        assertThat(report.ok()).isTrue();
        assertThat(report.line()).startsWith("MoveDesk self-check OK: store ").contains("schema V" + newest + ",", "history chain of")
                .contains("entries verified, head");
    }

    @Test
    void theBundleHasVersionsSettingsQueueAndLogsWithoutSecretsOrPersonalData() throws Exception {
        fixture.bookRequested();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("movedesk.log"), "INFO booked move for A1234BC lastName=Smith\n"
                + "INFO push ok for E7777GH\n");
        StandardEnvironment env = new StandardEnvironment();
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConfigLayers.LOG_DIR, logs.toString());
        settings.put("movedesk.central.client-secret", "hunter2-secret");
        settings.put("movedesk.security.keystore-password", "keystore-pw-value");
        settings.put("movedesk.central.base-url", "https://user:pa55word@moves.example/api");
        settings.put("movedesk.sync.interval", "30s");
        env.getPropertySources().addFirst(new MapPropertySource("movedesk-config-file [test]", settings));
        DiagnosticsService service = new DiagnosticsService(env, outbox, selfCheck, store, clock);

        Path bundle = service.writeBundle(StoreFixture.supervisor(), dir);
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            assertThat(zip.stream().map(e -> e.getName())).contains("versions.txt", "settings.txt", "self-check.txt",
                    "sync-queue.txt", "logs/movedesk.log");
            String all = zip.stream().map(e -> read(zip, e)).reduce("", String::concat);
            assertThat(all).doesNotContain("hunter2", "keystore-pw-value", "pa55word", "A1234BC", "Smith", "E7777GH");
            assertThat(read(zip, zip.getEntry("settings.txt"))).contains("movedesk.sync.interval = 30s",
                    "movedesk.central.client-secret = ******", "(from movedesk-config-file [test])");
            assertThat(read(zip, zip.getEntry("sync-queue.txt"))).contains("pending (incl. in flight): ");
            assertThat(read(zip, zip.getEntry("self-check.txt"))).startsWith("MoveDesk self-check OK");
            assertThat(read(zip, zip.getEntry("versions.txt"))).contains("Java: ", "H2: ", "Spring Boot: ");
        }
        assertThatThrownBy(() -> service.writeBundle(StoreFixture.staff(), dir)).isInstanceOf(PermissionDeniedException.class);
    }

    private static String read(ZipFile zip, java.util.zip.ZipEntry e) {
        try {
            return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
