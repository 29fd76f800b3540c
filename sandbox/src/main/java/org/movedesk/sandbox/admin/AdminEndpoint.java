package org.movedesk.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.FaultSettings;
import org.movedesk.sandbox.Faults;
import org.movedesk.sandbox.LedgerEntry;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Reply;
import org.movedesk.sandbox.http.Times;
import org.movedesk.sandbox.world.World;

import java.util.Iterator;
import java.util.Set;

/**
 * {@code /__admin}: no token, never faulted. {@code GET/PUT /__admin/faults}, {@code GET /__admin/ledger},
 * {@code POST /__admin/reset}.
 */
public final class AdminEndpoint {

    public static final String PREFIX = "/__admin";
    private static final Set<String> FAULT_FIELDS = Set.of("latencyMillis", "errorRate", "dropRate",
            "tooManyRequestsRate", "retryAfterSeconds", "truncateRate");

    private final World world;
    private final FaultSettings faults;
    private final Runnable reset;

    /** {@code reset} is the sandbox's own reset, so the HTTP and Java ways of resetting cannot drift apart. */
    public AdminEndpoint(World world, FaultSettings faults, Runnable reset) {
        this.world = world;
        this.faults = faults;
        this.reset = reset;
    }

    public Reply handle(HttpCall call) {
        String path = call.path().replaceAll("/+$", "");
        String method = call.method();
        if (path.equals(PREFIX + "/faults") && method.equals("GET")) {
            return Reply.plainJson(200, faultsJson(faults.snapshot()));
        }
        if (path.equals(PREFIX + "/faults") && method.equals("PUT")) {
            return putFaults(call);
        }
        if (path.equals(PREFIX + "/ledger") && method.equals("GET")) {
            ArrayNode entries = Json.array();
            for (LedgerEntry e : world.ledger().entries()) {
                ObjectNode node = entries.addObject();
                node.put("method", e.method());
                node.put("path", e.path());
                node.put("idempotencyKey", e.idempotencyKey());
                node.put("resourceId", e.resourceId());
                node.put("action", e.action());
                node.put("time", Times.rfc3339(e.time()));
            }
            return Reply.plainJson(200, entries);
        }
        if (path.equals(PREFIX + "/reset") && method.equals("POST")) {
            reset.run();
            ObjectNode body = Json.object();
            body.put("people", world.config().people());
            body.put("moves", world.config().moves());
            body.set("faults", faultsJson(faults.snapshot()));
            return Reply.plainJson(200, body);
        }
        return problem(404, "No admin route for " + method + " " + call.path()
                + " (try GET/PUT /__admin/faults, GET /__admin/ledger, POST /__admin/reset)");
    }

    private Reply putFaults(HttpCall call) {
        JsonNode body;
        try {
            body = call.json();
        } catch (Json.BadJsonException e) {
            return problem(400, e.getMessage());
        }
        if (!body.isObject()) {
            return problem(400, "send a JSON object such as {\"errorRate\": 0.2}");
        }
        Faults next = faults.snapshot();
        try {
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                JsonNode value = body.get(field);
                if (!FAULT_FIELDS.contains(field)) {
                    return problem(400, "unknown fault field " + field + "; known: " + FAULT_FIELDS);
                }
                if (!value.isNumber()) {
                    return problem(400, field + " must be a number");
                }
                next = switch (field) {
                    case "latencyMillis" -> next.withLatencyMillis(value.asLong());
                    case "errorRate" -> next.withErrorRate(value.asDouble());
                    case "dropRate" -> next.withDropRate(value.asDouble());
                    case "tooManyRequestsRate" -> next.withTooManyRequestsRate(value.asDouble());
                    case "retryAfterSeconds" -> next.withRetryAfterSeconds(value.asInt());
                    default -> next.withTruncateRate(value.asDouble());
                };
            }
        } catch (IllegalArgumentException e) {
            return problem(400, e.getMessage());
        }
        faults.apply(next);
        return Reply.plainJson(200, faultsJson(next));
    }

    public static ObjectNode faultsJson(Faults f) {
        ObjectNode node = Json.object();
        node.put("latencyMillis", f.latencyMillis());
        node.put("errorRate", f.errorRate());
        node.put("dropRate", f.dropRate());
        node.put("tooManyRequestsRate", f.tooManyRequestsRate());
        node.put("retryAfterSeconds", f.retryAfterSeconds());
        node.put("truncateRate", f.truncateRate());
        return node;
    }

    private static Reply problem(int status, String message) {
        ObjectNode node = Json.object();
        node.put("status", status);
        node.put("error", message);
        return Reply.plainJson(status, node);
    }
}
