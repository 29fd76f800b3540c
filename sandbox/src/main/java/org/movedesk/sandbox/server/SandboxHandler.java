package org.movedesk.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.movedesk.sandbox.FaultSettings;
import org.movedesk.sandbox.admin.AdminEndpoint;
import org.movedesk.sandbox.auth.TokenEndpoint;
import org.movedesk.sandbox.auth.TokenService;
import org.movedesk.sandbox.faults.FaultDice;
import org.movedesk.sandbox.faults.FaultPlan;
import org.movedesk.sandbox.http.ApiError;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Reply;
import org.movedesk.sandbox.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/** The one HTTP handler: admin routes untouched, everything else through the fault dice and then its API. */
public final class SandboxHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHandler.class);

    private final World world;
    private final FaultSettings faults;
    private final FaultDice dice;
    private final Supplier<URI> baseUri;
    private final AdminEndpoint admin;
    private final TokenEndpoint tokenEndpoint;
    private final MovesApiGate movesApi;
    private final RestrictedPatientsGate restrictedPatients;

    public SandboxHandler(World world, TokenService tokens, FaultSettings faults, Supplier<URI> baseUri,
                          Runnable reset) {
        this.world = world;
        this.faults = faults;
        this.dice = new FaultDice(world.config().seed());
        this.baseUri = baseUri;
        this.admin = new AdminEndpoint(world, faults, reset);
        this.tokenEndpoint = new TokenEndpoint(tokens);
        this.movesApi = new MovesApiGate(world, tokens);
        this.restrictedPatients = new RestrictedPatientsGate(world, tokens);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            HttpCall call = HttpCall.read(exchange, baseUri.get());
            if (call.path().equals(AdminEndpoint.PREFIX) || call.path().startsWith(AdminEndpoint.PREFIX + "/")) {
                write(exchange, admin.handle(call), false);
                return;
            }
            FaultPlan plan = dice.roll(faults.snapshot());
            if (plan.latencyMillis() > 0) {
                pause(plan.latencyMillis());
            }
            if (plan.answersBefore()) {
                write(exchange, faultReply(plan), false);
                return;
            }
            Reply reply = dispatch(call);
            LOG.debug("{} {} -> {}", call.method(), call.path(), reply.status());
            if (plan.drop()) {
                LOG.debug("fault: dropping the answer to {} {}", call.method(), call.path());
                // closing before any response headers makes the JDK server drop the connection
                exchange.close();
                return;
            }
            write(exchange, reply, plan.truncate());
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.error("sandbox failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            write(exchange, ApiError.of(500, "Internal Server Error", e.toString()).toReply(), false);
        }
    }

    private Reply dispatch(HttpCall call) {
        String path = call.path();
        synchronized (world) {
            if (path.equals("/oauth/token") || path.equals("/oauth/token/")) {
                return tokenEndpoint.handle(call);
            }
            if (path.startsWith("/api/") || path.equals("/api")) {
                return movesApi.handle(call);
            }
            if (RestrictedPatientsGate.owns(path)) {
                return restrictedPatients.handle(call);
            }
        }
        ObjectNode body = Json.object();
        body.put("status", 404);
        body.putNull("errorCode");
        body.put("userMessage", "No resource found failure: No static resource " + path.substring(1) + ".");
        body.put("developerMessage", "No static resource " + path.substring(1) + ".");
        body.putNull("moreInfo");
        return Reply.plainJson(404, body);
    }

    private static Reply faultReply(FaultPlan plan) {
        if (plan.before() == 429) {
            return ApiError.of(429, "Too Many Requests", "Rate limit exceeded; retry after " + plan.retryAfterSeconds() + " s")
                    .toReply().withHeader("Retry-After", String.valueOf(plan.retryAfterSeconds()));
        }
        String title = plan.before() == 503 ? "Service Unavailable" : "Internal Server Error";
        return ApiError.of(plan.before(), title, "Injected fault: the sandbox answered " + plan.before()
                + " without applying the request").toReply();
    }

    private static void write(HttpExchange exchange, Reply reply, boolean truncate) throws IOException {
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            exchange.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        byte[] body = reply.body();
        if (body.length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(reply.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        if (truncate) {
            // announce the full length, send half, then close the exchange while the stream still owes bytes:
            // the JDK server then closes the connection, and the client sees a premature end of body
            out.write(body, 0, body.length / 2);
            out.flush();
            exchange.close();
            return;
        }
        out.write(body);
        out.close();
        exchange.close();
    }

    /** Injected latency is the point of this wait: it is simulation, not synchronisation. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
