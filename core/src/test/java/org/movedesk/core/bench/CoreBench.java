package org.movedesk.core.bench;

import java.nio.file.Path;

/** Entry point of the core benchmarks (docs/bench/core.md). */
public final class CoreBench {

    private CoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target", "bench-store").toAbsolutePath();
        double seconds = BenchStore.ensure(dir);
        System.out.printf("store ready in %s (generated in %.1f s)%n", dir, seconds);
    }
}
