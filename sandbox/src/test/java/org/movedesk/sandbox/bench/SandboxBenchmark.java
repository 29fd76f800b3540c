package org.movedesk.sandbox.bench;

import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the sandbox's figures: start-up (seeding) time, and requests per second for a day list and for
 * move creation over loopback. A program, not a test: run it with
 * {@code mvn -q -o -pl sandbox test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.movedesk.sandbox.bench.SandboxBenchmark}.
 */
public final class SandboxBenchmark {

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("JVM %s, %d CPUs%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        // first start pays class loading; the next ones show the seeding itself
        startUp("cold start, 2,000 people", 2000, 0);
        for (int i = 0; i < 3; i++) {
            startUp("warm start, 2,000 people", 2000, 0);
        }
        for (int i = 0; i < 5; i++) {
            seedOnly(2000, 0);
        }
        seedOnly(20_000, 0);
        seedOnly(2000, 100_000);
        startUp("warm start, 20,000 people", 20_000, 0);
        startUp("warm start, 2,000 people + 100,000 moves", 2000, 100_000);

        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().moves(20_000).build())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = token(http, sandbox.baseUri());
            String day = sandbox.state().moves().get(0).date().toString();
            String list = "/api/moves?filter[date_from]=" + day + "&filter[date_to]=" + day + "&per_page=100&include=profile.person,from_location,to_location";
            run(http, sandbox.baseUri(), token, "GET day list (20,000 moves, 100 per page, includes), 1 client", list, 1, 300);
            run(http, sandbox.baseUri(), token, "GET day list (20,000 moves, 100 per page, includes), 4 clients", list, 4, 300);
            run(http, sandbox.baseUri(), token, "GET one move with timeline, 4 clients",
                    "/api/moves/" + sandbox.state().moves().get(0).id() + "?include=timeline_events", 4, 2000);
        }
    }

    private static void startUp(String label, int people, int moves) {
        long start = System.nanoTime();
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().people(people).moves(moves).build())) {
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf("%-45s %8.1f ms (%d people, %d moves)%n", label, ms, sandbox.state().people().size(),
                    sandbox.state().moveCount());
        }
    }

    /** The seeding alone (no HTTP server), best of the runs printed. */
    private static void seedOnly(int people, int moves) {
        long start = System.nanoTime();
        new org.movedesk.sandbox.world.World(SandboxConfig.builder().people(people).moves(moves).build());
        System.out.printf("%-45s %8.1f ms%n", "seed only, " + people + " people, " + moves + " moves",
                (System.nanoTime() - start) / 1e6);
    }

    private static String token(HttpClient http, URI base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=movedesk&client_secret=movedesk-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        int i = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(i, body.indexOf('"', i));
    }

    private static void run(HttpClient http, URI base, String token, String label, String path, int clients, int perClient)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/vnd.api+json").header("Accept", "application/vnd.api+json; version=2")
                .GET().build();
        for (int i = 0; i < 100; i++) {
            http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] latencies = new long[clients * perClient];
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c * perClient;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    latencies[offset + i] = System.nanoTime() - t;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        Arrays.sort(latencies);
        System.out.printf("%-70s %7.0f req/s, p50 %.2f ms, p95 %.2f ms%n", label, latencies.length / seconds,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.95)] / 1e6);
    }

}
