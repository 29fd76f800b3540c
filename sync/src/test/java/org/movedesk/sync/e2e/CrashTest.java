package org.movedesk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.sandbox.Faults;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.testing.DeskHarness;
import org.movedesk.sync.testing.Workload;

/**
 * kill -9 trials: a child JVM pushes a queue from a real H2 file to the sandbox in this JVM and is
 * killed at a random moment, again and again; after the last restart the queue drains, and the
 * ledger shows every action applied exactly once with the centre's state equal to the desk's.
 * Trials: {@code -Dmovedesk.crash.trials} (default 50).
 */
class CrashTest {

    static final int TRIALS = Integer.getInteger("movedesk.crash.trials", 50);
    static final long MAX_KILL_DELAY_MS = Long.getLong("movedesk.crash.maxDelayMs", 800);

    @TempDir
    Path dir;

    @Test
    void killedAtRandomPointsTheDeskStillDeliversEveryActionExactlyOnce() throws Exception {
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().people(1500).build())) {
            int moves = Integer.getInteger("movedesk.crash.moves", 150);
            try (DeskHarness desk = DeskHarness.start(store, sandbox.baseUri())) {
                List<SandboxState.PersonSnapshot> people = Workload.prepare(desk, sandbox, moves);
                Workload.recordMoves(desk, sandbox, people, 1);
            }
            // slow enough that the queue outlives the trials; the kills must land while work is left
            sandbox.faults().setLatencyMillis(Long.getLong("movedesk.crash.latencyMs", 100));
            Launcher launcher = Launcher.prepare(dir.resolve("launch"), store, sandbox);
            Random random = new Random(Long.getLong("movedesk.crash.seed", System.nanoTime()));
            int killedWhilePushing = 0;
            long started = System.nanoTime();
            for (int trial = 0; trial < TRIALS; trial++) {
                Child child = launcher.start();
                String line = child.awaitLine(Duration.ofSeconds(120), "PUSHING", "DRAINED");
                if ("DRAINED".equals(line)) {
                    child.process.waitFor(10, TimeUnit.SECONDS);
                    break;
                }
                long delay = (long) (random.nextDouble() * MAX_KILL_DELAY_MS);
                // the random moment of the kill is the experiment, not synchronisation
                String early = child.awaitLine(Duration.ofMillis(delay), "DRAINED");
                child.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                if (early == null) {
                    killedWhilePushing++;
                }
            }
            System.out.printf("crash trials: %d kills while pushing in %d s%n", killedWhilePushing,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            sandbox.faults().setLatencyMillis(0);
            Child last = launcher.start();
            assertThat(last.awaitLine(Duration.ofSeconds(120), "DRAINED")).as("final run drains the queue").isEqualTo("DRAINED");
            last.process.waitFor(30, TimeUnit.SECONDS);

            assertThat(killedWhilePushing).as("kills that landed while work was left").isGreaterThanOrEqualTo(Math.min(TRIALS, 50));
            try (DeskHarness desk = DeskHarness.start(store, sandbox.baseUri())) {
                Workload.verifyExactlyOnce(desk, sandbox);
            }
        }
    }

    /**
     * Starts child desks with the test classpath. Fifty JVM start-ups dominate the test's time, so
     * the class directories are packed into jars (class-data sharing only archives jars) and a
     * first clean run writes a CDS archive the trials start from; without it, they start plainly.
     */
    static final class Launcher {
        private final List<String> base;

        private Launcher(List<String> base) {
            this.base = base;
        }

        static Launcher prepare(Path work, Path store, Sandbox sandbox) throws Exception {
            Files.createDirectories(work);
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isDirectory(p)) {
                    Path jar = work.resolve("dir" + n++ + ".jar");
                    jarUp(p, jar);
                    entries.add(jar.toString());
                } else if (Files.exists(p)) {
                    entries.add(entry);
                }
            }
            List<String> plain = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Dlogging.level.root=WARN", "-Xshare:auto"));
            List<String> tail = List.of("-cp", String.join(java.io.File.pathSeparator, entries), CrashDesk.class.getName(),
                    store.toString(), sandbox.baseUri().toString());
            Path archive = work.resolve("desk.jsa");
            List<String> warm = new ArrayList<>(plain);
            warm.add("-XX:ArchiveClassesAtExit=" + archive);
            warm.addAll(tail);
            warm.add("warmup");
            Child w = Child.start(warm);
            boolean warmed = "WARM".equals(w.awaitLine(Duration.ofSeconds(180), "WARM"));
            w.process.waitFor(60, TimeUnit.SECONDS);
            List<String> cmd = new ArrayList<>(plain);
            if (warmed && Files.exists(archive)) {
                cmd.add("-XX:SharedArchiveFile=" + archive);
            }
            cmd.addAll(tail);
            return new Launcher(cmd);
        }

        Child start() throws IOException {
            return Child.start(base);
        }

        private static void jarUp(Path dir, Path jar) throws IOException {
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                 var files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(f -> !f.equals(dir))::iterator) {
                    String name = dir.relativize(f).toString().replace('\\', '/');
                    // directory entries too: Spring's package scanning asks the class loader for them
                    out.putNextEntry(new java.util.jar.JarEntry(Files.isDirectory(f) ? name + "/" : name));
                    if (Files.isRegularFile(f)) {
                        Files.copy(f, out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    /** A child desk JVM with its stdout read on a thread. */
    static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        lines.add(l);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            }, "crash-child-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(List<String> cmd) throws IOException {
            return new Child(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start());
        }

        /** The first line equal to one of {@code wanted} within {@code max}, or null. */
        String awaitLine(Duration max, String... wanted) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                String l = lines.poll(left, TimeUnit.NANOSECONDS);
                if (l == null) {
                    return null;
                }
                for (String w : wanted) {
                    if (l.equals(w)) {
                        return l;
                    }
                }
            }
        }
    }
}
