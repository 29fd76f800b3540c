package org.movedesk.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.movedesk.sandbox.auth.TokenService;
import org.movedesk.sandbox.http.ApiError;
import org.movedesk.sandbox.http.Caller;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Reply;
import org.movedesk.sandbox.locations.LocationsEndpoint;
import org.movedesk.sandbox.moves.IdempotencyStore;
import org.movedesk.sandbox.moves.MoveEventsEndpoint;
import org.movedesk.sandbox.moves.MovesEndpoint;
import org.movedesk.sandbox.people.PeopleEndpoint;
import org.movedesk.sandbox.world.World;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Moves API's front door, in upstream's order: bearer token (401), {@code Content-Type} (415), the
 * version in {@code Accept} (406), then the route, with the Idempotency-Key rules on POST/PATCH of moves and
 * move events. Called with the world lock held.
 */
final class MovesApiGate {

    static final String MEDIA_TYPE = "application/vnd.api+json";

    private final World world;
    private final TokenService tokens;
    private final LocationsEndpoint locations;
    private final PeopleEndpoint people;
    private final MovesEndpoint moves;
    private final MoveEventsEndpoint events;

    MovesApiGate(World world, TokenService tokens) {
        this.world = world;
        this.tokens = tokens;
        this.locations = new LocationsEndpoint(world);
        this.people = new PeopleEndpoint(world);
        this.moves = new MovesEndpoint(world);
        this.events = new MoveEventsEndpoint(world, moves);
    }

    Reply handle(HttpCall call) {
        try {
            Caller caller = tokens.authenticate(call.header("Authorization")).map(t -> new Caller(t.clientId()))
                    .orElseThrow(() -> ApiError.of(401, "Not authorized", "Token expired or invalid"));
            String contentType = mediaType(call.header("Content-Type"));
            if (!MEDIA_TYPE.equals(contentType)) {
                throw ApiError.of(415, "Invalid Media Type", "Content-Type must be " + MEDIA_TYPE);
            }
            if (!acceptsVersion2(call.header("Accept"))) {
                throw ApiError.of(406, "Not acceptable",
                        "The sandbox serves version 2 only: send Accept: application/vnd.api+json; version=2");
            }
            return route(call, caller);
        } catch (ApiError e) {
            return e.toReply();
        }
    }

    private Reply route(HttpCall call, Caller caller) {
        String method = call.method();
        List<String> parts = List.of(call.path().replaceAll("/+$", "").split("/"));
        // parts: "", "api", ...
        String resource = parts.size() > 2 ? parts.get(2) : "";
        if (parts.size() == 4 && resource.equals("reference") && parts.get(3).equals("locations") && method.equals("GET")) {
            return locations.list(call);
        }
        if (resource.equals("people")) {
            if (parts.size() == 3 && method.equals("GET")) {
                return people.list(call);
            }
            if (parts.size() == 3 && method.equals("POST")) {
                return people.create(call);
            }
            if (parts.size() == 5 && parts.get(4).equals("profiles") && method.equals("POST")) {
                return people.createProfile(call, parts.get(3));
            }
        }
        if (resource.equals("moves")) {
            if (parts.size() == 3 && method.equals("GET")) {
                return moves.list(call);
            }
            if (parts.size() == 3 && method.equals("POST")) {
                return idempotent(call, () -> moves.create(call, caller));
            }
            if (parts.size() == 4 && method.equals("GET")) {
                return moves.get(call, parts.get(3));
            }
            if (parts.size() == 4 && (method.equals("PATCH") || method.equals("PUT"))) {
                return idempotent(call, () -> moves.patch(call, caller, parts.get(3)));
            }
            if (parts.size() == 5 && method.equals("POST") && MoveEventsEndpoint.isEvent(parts.get(4))) {
                return idempotent(call, () -> events.post(call, caller, parts.get(3), parts.get(4)));
            }
        }
        throw ApiError.notFound("No route matches [" + method + "] " + call.path());
    }

    private Reply idempotent(HttpCall call, Supplier<Reply> action) {
        String key = call.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            throw ApiError.unprocessable("Idempotency-Key header is required", "/header/Idempotency-Key", "blank");
        }
        try {
            UUID.fromString(key.trim());
        } catch (IllegalArgumentException e) {
            throw ApiError.unprocessable("Idempotency-Key header must be a UUID, was " + key, "/header/Idempotency-Key",
                    "invalid");
        }
        IdempotencyStore.Fingerprint fingerprint = fingerprint(call);
        IdempotencyStore.Decision decision = world.idempotency().decide(key.trim(), fingerprint);
        if (decision instanceof IdempotencyStore.Replay replay) {
            return replay.reply().withHeader("Idempotent-Replayed", "true");
        }
        if (decision instanceof IdempotencyStore.Conflict conflict) {
            throw ApiError.of(409, "Conflict", "Conflicting idempotency key: " + conflict.reason());
        }
        Reply reply = action.get();
        world.idempotency().remember(key.trim(), fingerprint, reply);
        return reply;
    }

    private static IdempotencyStore.Fingerprint fingerprint(HttpCall call) {
        JsonNode body = null;
        String raw = null;
        if (call.hasBody()) {
            try {
                body = call.json();
            } catch (Json.BadJsonException e) {
                raw = new String(call.body(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return new IdempotencyStore.Fingerprint(call.method(), call.path(), call.rawQuery(), body, raw);
    }

    static String mediaType(String header) {
        if (header == null) {
            return null;
        }
        return header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** True when one of the listed media ranges is the JSON:API type (or a wildcard) with {@code version=2}. */
    static boolean acceptsVersion2(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] pieces = range.split(";");
            String type = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (!type.equals(MEDIA_TYPE) && !type.equals("*/*") && !type.isEmpty()) {
                continue;
            }
            for (int i = 1; i < pieces.length; i++) {
                String[] kv = pieces[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("version") && kv[1].trim().replace("\"", "").equals("2")) {
                    return true;
                }
            }
        }
        return false;
    }
}
