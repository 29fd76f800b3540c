package org.movedesk.core.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.ops.config.ConfigLayers;
import org.movedesk.core.ops.config.SettingsFile;
import org.movedesk.core.outbox.OutboxCounts;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.security.PersonalDataRedactor;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Service;

/**
 * The support bundle: a zip a desk user can send without leaking anything. It holds versions,
 * the effective MoveDesk settings with their source layer (secrets masked), the self-check line,
 * the sync queue counts and the tail of recent logs, passed through the personal-data redactor
 * once more (the logs are already redacted when written; this covers older or foreign lines).
 * No store file, no key, no history content.
 */
@Service
public class DiagnosticsService {

    static final String MASK = "******";
    private static final int LOG_TAIL_BYTES = 512 * 1024;

    private final ConfigurableEnvironment env;
    private final OutboxService outbox;
    private final SelfCheckService selfCheck;
    private final StoreLocation store;
    private final Clock clock;

    public DiagnosticsService(ConfigurableEnvironment env, OutboxService outbox, SelfCheckService selfCheck,
                              StoreLocation store, Clock clock) {
        this.env = env;
        this.outbox = outbox;
        this.selfCheck = selfCheck;
        this.store = store;
        this.clock = clock;
    }

    /** target: a .zip file or a folder (then a time-stamped name is chosen). */
    public Path writeBundle(Actor actor, Path target) {
        Permissions.require(actor, "make a diagnostics bundle", Role.ADMIN, Role.SUPERVISOR, Role.SYSTEM);
        // a name without .zip is a folder (made if missing); a .zip name is the file itself
        Path file = Files.isDirectory(target) || !target.getFileName().toString().toLowerCase().endsWith(".zip")
                ? target.resolve("movedesk-diagnostics-" + org.movedesk.core.store.StoreFiles.stamp(clock) + ".zip")
                : target;
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new IOException(file + " exists and is not a file");
            }
            try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, "versions.txt", versions());
                put(zip, "settings.txt", settings());
                put(zip, "self-check.txt", safeSelfCheck() + "\n");
                put(zip, "sync-queue.txt", syncQueue());
                for (Path log : recentLogs()) {
                    put(zip, "logs/" + log.getFileName(), PersonalDataRedactor.redact(tail(log)));
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new MoveDeskException("DIAGNOSTICS_FAILED", "The diagnostics bundle could not be written to " + file
                    + ": " + e.getMessage(), e);
        }
    }

    String versions() {
        Package core = DiagnosticsService.class.getPackage();
        return "MoveDesk: " + env.getProperty("movedesk.version", String.valueOf(core.getImplementationVersion())) + "\n"
                + "Taken at: " + clock.instant() + "\n"
                + "Java: " + System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version") + "\n"
                + "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n"
                + "Spring Boot: " + SpringBootVersion.getVersion() + "\n"
                + "H2: " + org.h2.engine.Constants.FULL_VERSION + "\n"
                + "Store: " + store.settings() + "\n";
    }

    /** Effective value of every MoveDesk-related key, with the layer it came from; secrets masked. */
    String settings() {
        Map<String, String> lines = new TreeMap<>();
        for (PropertySource<?> source : env.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String key : enumerable.getPropertyNames()) {
                String name = key.startsWith("MOVEDESK_") ? key.toLowerCase().replace('_', '.') : key;
                if (!relevant(name) || lines.containsKey(name)) {
                    continue;
                }
                String value;
                try {
                    value = env.getProperty(name, String.valueOf(enumerable.getProperty(key)));
                } catch (RuntimeException unresolvable) {
                    value = String.valueOf(enumerable.getProperty(key));
                }
                lines.put(name, mask(name, value) + "    (from " + source.getName() + ")");
            }
        }
        StringBuilder out = new StringBuilder("# effective settings (highest layer wins); secrets masked\n");
        lines.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        return out.toString();
    }

    static boolean relevant(String key) {
        return key.startsWith("movedesk.") || key.startsWith("spring.datasource.") || key.startsWith("spring.flyway.")
                || key.startsWith("logging.") || key.equals("config");
    }

    static String mask(String key, String value) {
        if (SettingsFile.SECRET_KEY.matcher(key).matches()) {
            return MASK;
        }
        // a URL may carry user:password@ or a password parameter
        String masked = value.replaceAll("(?i)(password=)[^;&]*", "$1" + MASK).replaceAll("//[^/@:]+:[^/@]+@", "//" + MASK + "@");
        return PersonalDataRedactor.redact(masked);
    }

    private String safeSelfCheck() {
        try {
            return selfCheck.run().line();
        } catch (RuntimeException e) {
            return "self-check could not run: " + PersonalDataRedactor.redact(e.getMessage());
        }
    }

    private String syncQueue() {
        OutboxCounts c = outbox.counts();
        return "pending (incl. in flight): " + c.pending() + "\nin flight: " + c.inFlight() + "\nfailed: " + c.failed()
                + "\nin conflict: " + c.conflict() + "\n";
    }

    private List<Path> recentLogs() throws IOException {
        // the desk sets movedesk.log.dir; a command-line run looks where the desk logs by default
        String configured = env.getProperty(ConfigLayers.LOG_DIR);
        Path dir = configured != null ? Path.of(configured)
                : org.movedesk.core.store.StoreSettings.configDir(env::getProperty).resolve("logs");
        List<Path> logs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return logs;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().contains(".log")).filter(Files::isRegularFile)
                    .sorted((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified()))
                    .limit(3).forEach(logs::add);
        }
        return logs;
    }

    private static String tail(Path log) throws IOException {
        if (log.getFileName().toString().endsWith(".gz")) {
            return "(compressed log left out)\n";
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return start > 0 ? text.substring(Math.max(0, text.indexOf('\n') + 1)) : text;
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
