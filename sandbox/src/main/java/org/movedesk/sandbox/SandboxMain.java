package org.movedesk.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar movedesk-sandbox.jar --port=8089}: starts the sandbox and runs until the process is stopped.
 * Prints the URL it listens on as its first line, so scripts can read it when {@code --port=0}.
 */
public final class SandboxMain {

    static final String USAGE = """
            Usage: java -jar movedesk-sandbox.jar [options]

            Stand-in for the central services (Moves API v2, Restricted Patients API, OAuth2 token) on 127.0.0.1.

              --port=N            port to listen on; 0 picks a free one (default 8089)
              --seed=N            seed for the generated data (default 42)
              --people=N          people to generate (default 2000)
              --moves=N           moves to generate, dated yesterday to 14 days ahead (default 0)
              --client-id=ID      OAuth client id (default movedesk)
              --client-secret=S   OAuth client secret (default movedesk-secret)
              --token-ttl=MIN     token lifetime in minutes (default 120)
              --threads=N         HTTP worker threads (default 8)
              --latency-ms=N      delay added to every answer (default 0)
              --error-rate=R      share of requests answered 500/503, 0..1 (default 0)
              --drop-rate=R       share of requests applied but answered by a closed connection (default 0)
              --429-rate=R        share of requests answered 429 with Retry-After (default 0)
              --retry-after=S     Retry-After seconds sent with 429 (default 1)
              --truncate-rate=R   share of requests applied but answered with half a body (default 0)
              --help              print this text

            Faults never apply to /__admin: GET/PUT /__admin/faults, GET /__admin/ledger, POST /__admin/reset.
            """;

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxConfig config;
        try {
            config = parse(args);
        } catch (HelpRequested e) {
            System.out.print(USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("movedesk-sandbox: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Sandbox sandbox = Sandbox.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        PrintStream out = System.out;
        out.println("MoveDesk sandbox listening on " + sandbox.baseUri());
        out.println("  client id " + config.clientId() + ", " + config.people() + " people, " + config.moves()
                + " moves, seed " + config.seed() + "; admin API at " + sandbox.baseUri() + "/__admin/faults");
        out.flush();
        stopped.await();
    }

    /** Reads the command line; throws {@link IllegalArgumentException} naming the bad flag. */
    static SandboxConfig parse(String[] args) {
        SandboxConfig.Builder b = SandboxConfig.builder().port(8089);
        Faults faults = Faults.NONE;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unknown argument " + arg + " (flags look like --name=value)");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            try {
                switch (name) {
                    case "port" -> b.port(Integer.parseInt(value));
                    case "seed" -> b.seed(Long.parseLong(value));
                    case "people" -> b.people(Integer.parseInt(value));
                    case "moves" -> b.moves(Integer.parseInt(value));
                    case "client-id" -> b.clientId(value);
                    case "client-secret" -> b.clientSecret(value);
                    case "token-ttl" -> b.tokenTtl(Duration.ofMinutes(Long.parseLong(value)));
                    case "threads" -> b.threads(Integer.parseInt(value));
                    case "latency-ms" -> faults = faults.withLatencyMillis(Long.parseLong(value));
                    case "error-rate" -> faults = faults.withErrorRate(Double.parseDouble(value));
                    case "drop-rate" -> faults = faults.withDropRate(Double.parseDouble(value));
                    case "429-rate" -> faults = faults.withTooManyRequestsRate(Double.parseDouble(value));
                    case "retry-after" -> faults = faults.withRetryAfterSeconds(Integer.parseInt(value));
                    case "truncate-rate" -> faults = faults.withTruncateRate(Double.parseDouble(value));
                    default -> throw new IllegalArgumentException("unknown flag --" + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " needs a number, got '" + value + "'");
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("unknown flag")) {
                    throw e;
                }
                throw new IllegalArgumentException("--" + name + ": " + e.getMessage());
            }
        }
        return b.faults(faults).build();
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
