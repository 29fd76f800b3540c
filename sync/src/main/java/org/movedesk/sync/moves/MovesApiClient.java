package org.movedesk.sync.moves;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.CentralCaller;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Moves API v2 (JSON:API). Every method returns the centre's answer whatever its status; what an
 * answer means for an outbox entry is decided by the push side, not here.
 */
public class MovesApiClient {

    public static final String ACCEPT = "application/vnd.api+json; version=2";
    public static final String CONTENT_TYPE = "application/vnd.api+json";
    public static final MediaType JSON_API = MediaType.get(CONTENT_TYPE);
    public static final String CURRENT_USER_HEADER = "X-Current-User";
    public static final String MOVE_INCLUDES = "profile.person,from_location,to_location";

    private final CentralCaller caller;
    private final HttpUrl base;

    public MovesApiClient(CentralCaller caller, java.net.URI baseUrl) {
        this.caller = caller;
        HttpUrl parsed = HttpUrl.get(baseUrl.toString());
        this.base = parsed;
    }

    public ApiResponse createMove(JsonNode document, UUID idempotencyKey, String user) throws IOException {
        return caller.execute(post(url("api", "moves").build(), document, idempotencyKey, user), CentralCaller.SMALL_BODY_LIMIT);
    }

    /** {@code event} is the path segment: accept, approve, cancel, complete, lockouts, redirects, reject, start. */
    public ApiResponse moveEvent(String moveId, String event, JsonNode document, UUID idempotencyKey, String user)
            throws IOException {
        return caller.execute(post(url("api", "moves", moveId, event).build(), document, idempotencyKey, user),
                CentralCaller.SMALL_BODY_LIMIT);
    }

    public ApiResponse getMove(String moveId, String user) throws IOException {
        HttpUrl u = url("api", "moves", moveId).addQueryParameter("include", MOVE_INCLUDES).build();
        return caller.execute(get(u, user), CentralCaller.SMALL_BODY_LIMIT);
    }

    /** A move with its timeline events in {@code included} (the supervisor's merged timeline). */
    public ApiResponse getMoveTimeline(String moveId, String user) throws IOException {
        HttpUrl u = url("api", "moves", moveId).addQueryParameter("include", "timeline_events").build();
        return caller.execute(get(u, user), CentralCaller.PAGE_BODY_LIMIT);
    }

    /** One page of moves at a location (as origin or destination) within a date window. */
    public ApiResponse listMoves(MoveListQuery q, int page, int perPage, String user) throws IOException {
        HttpUrl.Builder u = url("api", "moves")
                .addQueryParameter("filter[date_from]", q.from().toString())
                .addQueryParameter("filter[date_to]", q.to().toString());
        if (q.fromLocationId() != null) {
            u.addQueryParameter("filter[from_location_id]", q.fromLocationId());
        }
        if (q.toLocationId() != null) {
            u.addQueryParameter("filter[to_location_id]", q.toLocationId());
        }
        u.addQueryParameter("sort[by]", "date").addQueryParameter("sort[direction]", "asc")
                .addQueryParameter("include", MOVE_INCLUDES)
                .addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("per_page", Integer.toString(perPage));
        return caller.execute(get(u.build(), user), CentralCaller.PAGE_BODY_LIMIT);
    }

    /** Moves of one person on one day leaving one location: how a create whose answer was lost is found again. */
    public ApiResponse findMoves(String personId, String fromLocationId, LocalDate date, String user) throws IOException {
        HttpUrl.Builder u = url("api", "moves")
                .addQueryParameter("filter[from_location_id]", fromLocationId)
                .addQueryParameter("filter[person_id]", personId);
        if (date != null) {
            u.addQueryParameter("filter[date_from]", date.toString()).addQueryParameter("filter[date_to]", date.toString());
        }
        u.addQueryParameter("per_page", "100");
        return caller.execute(get(u.build(), user), CentralCaller.PAGE_BODY_LIMIT);
    }

    public ApiResponse findPeople(String prisonNumber, String user) throws IOException {
        HttpUrl u = url("api", "people").addQueryParameter("filter[prison_number]", prisonNumber)
                .addQueryParameter("include", "profiles").build();
        return caller.execute(get(u, user), CentralCaller.SMALL_BODY_LIMIT);
    }

    public ApiResponse createPerson(JsonNode document, UUID idempotencyKey, String user) throws IOException {
        return caller.execute(post(url("api", "people").build(), document, idempotencyKey, user), CentralCaller.SMALL_BODY_LIMIT);
    }

    public ApiResponse createProfile(String personId, JsonNode document, UUID idempotencyKey, String user) throws IOException {
        return caller.execute(post(url("api", "people", personId, "profiles").build(), document, idempotencyKey, user),
                CentralCaller.SMALL_BODY_LIMIT);
    }

    /** The cheapest authorised read there is: proves the centre (and our token) answer. */
    public ApiResponse probe(LocalDate today) throws IOException {
        HttpUrl u = url("api", "moves")
                .addQueryParameter("filter[date_from]", today.toString())
                .addQueryParameter("filter[date_to]", today.toString())
                .addQueryParameter("per_page", "1").build();
        return caller.execute(get(u, null), CentralCaller.SMALL_BODY_LIMIT);
    }

    public ApiResponse locations(int page, int perPage, String user) throws IOException {
        HttpUrl u = url("api", "reference", "locations")
                .addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("per_page", Integer.toString(perPage)).build();
        return caller.execute(get(u, user), CentralCaller.PAGE_BODY_LIMIT);
    }

    private HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder b = base.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b;
    }

    private Request get(HttpUrl url, String user) {
        return common(new Request.Builder().url(url), user).get().build();
    }

    private Request post(HttpUrl url, JsonNode document, UUID key, String user) throws JsonProcessingException {
        byte[] body = caller.json().writeValueAsBytes(document);
        return common(new Request.Builder().url(url), user)
                .header("Idempotency-Key", key.toString())
                .post(RequestBody.create(body, JSON_API))
                .build();
    }

    private static Request.Builder common(Request.Builder b, String user) {
        b.header("Accept", ACCEPT).header("Content-Type", CONTENT_TYPE);
        if (user != null && !user.isBlank()) {
            b.header(CURRENT_USER_HEADER, user);
        }
        return b;
    }
}
