package org.movedesk.sync.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sandbox in its own JVM, so a benchmark measures the desk's memory and CPU, not the centre's. */
final class SandboxProcess implements AutoCloseable {

    final Process process;
    final URI baseUri;

    private SandboxProcess(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    static SandboxProcess start(String heap, String... flags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "org.movedesk.sandbox.SandboxMain", "--port=0"));
        cmd.addAll(List.of(flags));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("http://");
            if (at >= 0) {
                URI uri = URI.create(line.substring(at).split("\\s+")[0]);
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (Exception ignored) {
                        // closed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new SandboxProcess(p, uri);
            }
        }
        p.destroy();
        throw new IllegalStateException("sandbox did not start: exit " + p.waitFor());
    }

    @Override
    public void close() {
        process.destroy();
    }

    /** CPU time this JVM has used so far, all threads, in seconds. */
    static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    /** One-minute load average, to put a wall-clock figure in context. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Peak resident set size of this JVM (Linux), in MB; -1 elsewhere. */
    static long peakRssMb() {
        try {
            for (String l : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return -1;
    }
}
