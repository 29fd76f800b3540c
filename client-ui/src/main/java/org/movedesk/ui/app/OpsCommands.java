package org.movedesk.ui.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.movedesk.core.CoreConfiguration;
import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.ops.BackupResult;
import org.movedesk.core.ops.BackupService;
import org.movedesk.core.ops.DiagnosticsService;
import org.movedesk.core.ops.SelfCheckReport;
import org.movedesk.core.ops.SelfCheckService;
import org.movedesk.core.ops.config.ConfigLayers;
import org.movedesk.core.store.StoreFiles;
import org.movedesk.core.store.StoreLock;
import org.movedesk.core.store.StoreRestorer;
import org.movedesk.core.store.StoreSettings;
import org.movedesk.core.store.StoreUrl;
import org.movedesk.ui.common.DeskEnvironment;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The desk's command-line operations, run by {@link Launcher} before (instead of) JavaFX, so they
 * work on a machine without a display and from scripts:
 * <pre>
 *   movedesk --self-check [folder]      open (or create) the store, migrate, verify history; one line; exit 0/1
 *   movedesk --backup &lt;file.zip|folder&gt;  online backup of the store
 *   movedesk --restore &lt;file.zip&gt; [--yes] restore while MoveDesk is closed (safety copy first)
 *   movedesk --diagnostics &lt;file.zip|folder&gt; support bundle without secrets or personal data
 *   movedesk --move-store-aside [--yes] keep a damaged store aside and start fresh next time
 * </pre>
 * Other {@code --key=value} options (e.g. {@code --movedesk.store.dir=...}, {@code --config=...})
 * apply as for the desk. Exit codes: 0 done, 1 failed (message on stderr), 2 wrong usage.
 */
public final class OpsCommands {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    private static final Set<String> COMMANDS = Set.of("--self-check", "--backup", "--restore", "--diagnostics",
            "--move-store-aside");
    private static final Actor COMMAND_LINE = Actor.system("command-line", "command-line");

    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final Map<String, String> processEnv;

    OpsCommands(PrintStream out, PrintStream err, BufferedReader in, Map<String, String> processEnv) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.processEnv = processEnv;
    }

    /** Whether the arguments ask for one of these operations (then the desk window must not open). */
    public static boolean handles(String[] args) {
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (COMMANDS.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Runs the operation and returns the process exit code. */
    public static int run(String[] args) {
        return new OpsCommands(System.out, System.err,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.getenv()).execute(args);
    }

    int execute(String[] args) {
        Parsed parsed;
        try {
            parsed = Parsed.of(args);
        } catch (IllegalArgumentException usage) {
            err.println("movedesk: " + usage.getMessage());
            return USAGE;
        }
        try {
            return switch (parsed.command()) {
                case "--self-check" -> selfCheck(parsed);
                case "--backup" -> backup(parsed);
                case "--restore" -> restore(parsed);
                case "--diagnostics" -> diagnostics(parsed);
                case "--move-store-aside" -> moveAside(parsed);
                default -> USAGE;
            };
        } catch (MoveDeskException e) {
            err.println("movedesk " + parsed.command() + " failed: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            Throwable cause = rootMoveDeskCause(e);
            err.println("movedesk " + parsed.command() + " failed: " + (cause != null ? cause.getMessage() : e));
            return FAILED;
        }
    }

    private int selfCheck(Parsed p) throws MoveDeskException {
        Path temp = null;
        List<String> springArgs = new ArrayList<>(p.rest());
        try {
            if (p.value() == null && !p.has("--" + StoreUrl.DIR_PROPERTY)) {
                // no folder given: prove the installation works on a fresh store, keys and config of its own
                temp = Files.createTempDirectory("movedesk-self-check");
                springArgs.add("--" + StoreUrl.DIR_PROPERTY + "=" + temp.resolve("store"));
                springArgs.add("--" + StoreSettings.CONFIG_DIR + "=" + temp.resolve("config"));
                springArgs.add("--" + StoreSettings.KEYSTORE + "=" + temp.resolve("config/keys/movedesk-keys.p12"));
            } else if (p.value() != null) {
                springArgs.add("--" + StoreUrl.DIR_PROPERTY + "=" + Path.of(p.value()).toAbsolutePath());
            }
            try (ConfigurableApplicationContext core = startCore(springArgs)) {
                SelfCheckReport report = core.getBean(SelfCheckService.class).run();
                (report.ok() ? out : err).println(report.line());
                return report.ok() ? OK : FAILED;
            }
        } catch (IOException e) {
            err.println("movedesk --self-check failed: no temporary folder (" + e.getMessage() + ")");
            return FAILED;
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private int backup(Parsed p) {
        Path target = Path.of(p.required("a backup file (.zip) or folder")).toAbsolutePath();
        try (ConfigurableApplicationContext core = startCore(withStoreDir(p))) {
            BackupResult result = core.getBean(BackupService.class).backup(COMMAND_LINE, target);
            out.println("MoveDesk backup OK: " + result.file() + " (" + result.bytes() + " bytes)");
            return OK;
        }
    }

    private int diagnostics(Parsed p) {
        Path target = Path.of(p.required("a bundle file (.zip) or folder")).toAbsolutePath();
        try (ConfigurableApplicationContext core = startCore(withStoreDir(p))) {
            Path bundle = core.getBean(DiagnosticsService.class).writeBundle(COMMAND_LINE, target);
            out.println("MoveDesk diagnostics bundle written: " + bundle);
            return OK;
        }
    }

    /** Offline: the store must not be open; asks for confirmation unless --yes. */
    private int restore(Parsed p) {
        Path backup = Path.of(p.required("the backup file (.zip) to restore")).toAbsolutePath();
        StoreSettings settings = resolveSettings(withStoreDir(p));
        StoreLock.requireNotInUse(settings.mvFile(), "restore the backup");
        if (!p.has("--yes") && !confirm("This replaces the store " + settings.mvFile() + " with " + backup
                + " (the current store is kept as a safety copy in " + settings.backupDir() + ").")) {
            err.println("movedesk --restore: not confirmed; nothing was changed.");
            return FAILED;
        }
        Optional<Path> safety = StoreRestorer.restore(settings, settings.keyring(processEnv), backup, Clock.systemUTC());
        out.println("MoveDesk restore OK: " + settings.mvFile() + " restored from " + backup
                + safety.map(s -> "; previous store kept as " + s).orElse(""));
        return OK;
    }

    private int moveAside(Parsed p) throws MoveDeskException {
        StoreSettings settings = resolveSettings(withStoreDir(p));
        Path file = settings.mvFile();
        if (!Files.exists(file)) {
            out.println("MoveDesk: there is no store file at " + file + "; nothing to move.");
            return OK;
        }
        StoreLock.requireNotInUse(file, "move the store aside");
        if (!p.has("--yes") && !confirm("This moves " + file + " aside; MoveDesk starts with an empty store next time.")) {
            err.println("movedesk --move-store-aside: not confirmed; nothing was changed.");
            return FAILED;
        }
        try {
            Path aside = StoreFiles.moveAside(file, Clock.systemUTC());
            out.println("MoveDesk: store moved aside to " + aside + "; the next start creates an empty store.");
            return OK;
        } catch (IOException e) {
            throw new MoveDeskException("MOVE_ASIDE_FAILED", "The store could not be moved aside: " + e.getMessage(), e);
        }
    }

    private boolean confirm(String what) {
        out.println(what);
        out.print("Type " + BackupService.CONFIRMATION + " to go ahead: ");
        out.flush();
        try {
            String answer = in.readLine();
            return answer != null && BackupService.CONFIRMATION.equals(answer.trim());
        } catch (IOException e) {
            return false;
        }
    }

    /** The same store folder the desk would open: explicit setting, else the mode's default folder. */
    private List<String> withStoreDir(Parsed p) {
        List<String> args = new ArrayList<>(p.rest());
        StandardEnvironment env = layeredEnvironment(args);
        if (!env.containsProperty(StoreUrl.DIR_PROPERTY)) {
            Path dir = DeskEnvironment.resolve(args.toArray(String[]::new), processEnv).storeDir();
            args.add("--" + StoreUrl.DIR_PROPERTY + "=" + dir);
        }
        return args;
    }

    private StoreSettings resolveSettings(List<String> args) {
        return StoreSettings.from(layeredEnvironment(args));
    }

    private static StandardEnvironment layeredEnvironment(List<String> args) {
        StandardEnvironment env = new StandardEnvironment();
        if (!args.isEmpty()) {
            env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args.toArray(String[]::new)));
        }
        new ConfigLayers().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    private static ConfigurableApplicationContext startCore(List<String> args) {
        Map<String, Object> quiet = new HashMap<>();
        quiet.put("logging.level.root", "WARN");
        quiet.put("logging.level.org.movedesk", "WARN");
        quiet.put("spring.main.log-startup-info", "false");
        return new SpringApplicationBuilder(CoreOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .headless(true)
                .logStartupInfo(false)
                .properties(quiet)
                .run(args.toArray(String[]::new));
    }

    private static Throwable rootMoveDeskCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof MoveDeskException) {
                return t;
            }
        }
        return null;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary self-check folder; the OS cleans up what is left
        }
    }

    /**
     * Core's services and the store only: no JavaFX, no UI beans, no sync workers. Deliberately not
     * a @Configuration/@SpringBootConfiguration, so neither the desk's component scan nor a
     * test's search for the boot configuration ever finds it.
     */
    @EnableAutoConfiguration
    @Import(CoreConfiguration.class)
    static class CoreOnly {
    }

    /** The one command, its value (next argument or after '='), and everything else for Spring. */
    record Parsed(String command, String value, List<String> rest) {

        static Parsed of(String[] args) {
            String command = null;
            String value = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (COMMANDS.contains(name)) {
                    if (command != null) {
                        throw new IllegalArgumentException("give one of " + COMMANDS + " at a time");
                    }
                    command = name;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        value = args[++i];
                    }
                } else {
                    rest.add(arg);
                }
            }
            if (command == null) {
                throw new IllegalArgumentException("no operation given; use one of " + COMMANDS);
            }
            return new Parsed(command, value == null || value.isBlank() ? null : value, rest);
        }

        boolean has(String option) {
            return rest.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
        }

        String required(String what) {
            if (value == null) {
                throw new MoveDeskException("USAGE", command + " needs " + what + ", e.g. " + command + " /path/to/file.zip");
            }
            return value;
        }
    }
}
