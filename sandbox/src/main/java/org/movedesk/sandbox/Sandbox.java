package org.movedesk.sandbox;

import com.sun.net.httpserver.HttpServer;
import org.movedesk.sandbox.auth.TokenService;
import org.movedesk.sandbox.server.SandboxHandler;
import org.movedesk.sandbox.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running imitation of the central services (Moves API v2, Restricted Patients API, OAuth2 token endpoint)
 * on a loopback port. Start one with {@link #start(SandboxConfig)}; close it to free the port.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, small answers then wait
        // ~40 ms for a delayed ACK. The property is read once, when the first HttpServer class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxConfig config;
    private final World world;
    private final FaultSettings faults;
    private final TokenService tokens;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final SandboxState state;

    private Sandbox(SandboxConfig config) throws IOException {
        this.config = config;
        long started = System.nanoTime();
        this.world = new World(config);
        this.faults = new FaultSettings(config.faults());
        this.tokens = new TokenService(config.clientId(), config.clientSecret(), config.tokenTtl(), config.clock());
        this.state = new SandboxState(world);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.executor = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new SandboxHandler(world, tokens, faults, () -> baseUri, this::reset));
        server.start();
        LOG.info("sandbox up on {} in {} ms ({} people, {} moves, seed {})", baseUri,
                (System.nanoTime() - started) / 1_000_000, config.people(), config.moves(), config.seed());
    }

    /** Seeds the data and starts listening on 127.0.0.1 ({@code port 0} picks a free port). */
    public static Sandbox start(SandboxConfig config) {
        try {
            return new Sandbox(config);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the sandbox on port " + config.port(), e);
        }
    }

    /** Starts with the defaults (seed 42, 2,000 people, free port). */
    public static Sandbox start() {
        return start(SandboxConfig.defaults());
    }

    /** e.g. {@code http://127.0.0.1:8089}; every API path hangs off it. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    public SandboxConfig config() {
        return config;
    }

    /** Mutable at runtime; never applied to {@code /__admin}. */
    public FaultSettings faults() {
        return faults;
    }

    /** Every state-changing request applied so far, oldest first. */
    public List<LedgerEntry> ledger() {
        return world.ledger().entries();
    }

    public SandboxState state() {
        return state;
    }

    /** Back to the seed data: changes, ledger and idempotency keys are dropped and faults go back to start-up values. */
    public void reset() {
        world.reseed();
        faults.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("sandbox on {} stopped", baseUri);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sandbox-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
