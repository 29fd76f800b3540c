package org.movedesk.sync.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.BadAnswerException;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.http.ErrorBodies;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.sync.testing.ContractValidator;
import org.movedesk.sync.testing.Json;
import org.movedesk.sync.testing.TestClock;
import org.movedesk.sync.testing.TrafficRecorder;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

class MovesApiClientTest {

    static final String MOVE_ID = "f0a91e16-1b0e-4e1f-93fe-319dda9933e6";
    static final String FROM = "c3f9cc0c-0154-49ec-b01e-d60ded8e0ab1";
    static final String TO = "3a1b7d8e-5c2f-4b0a-9e61-2f9f1c0d7a44";
    static final String PROFILE = "ea5ace8e-e9ad-4ca3-9977-9bf69e3b6154";

    MockWebServer server;
    TestClock clock;
    SyncStatus status;
    TrafficRecorder recorder;
    CentralClients clients;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        clock = new TestClock(Instant.now());
        status = new SyncStatus(clock);
        recorder = new TrafficRecorder();
        clients = clients(CentralProperties.Timeouts.defaults());
    }

    CentralClients clients(CentralProperties.Timeouts timeouts) {
        URI base = server.url("/").uri();
        CentralProperties props = CentralProperties.of(base, base, server.url("/oauth/token").uri(), "movedesk",
                "movedesk-secret").withTimeouts(timeouts);
        return new CentralClients(props, Json.MAPPER, status, clock, List.of(recorder));
    }

    @AfterEach
    void stop() throws IOException {
        clients.close();
        server.shutdown();
    }

    static MockResponse token(String value, long expiresIn) {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"access_token\":\"" + value + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}");
    }

    static MockResponse moveAnswer(int code, String status) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"data\":{\"id\":\"" + MOVE_ID + "\",\"type\":\"moves\",\"attributes\":{\"reference\":\"JHY4716X\","
                        + "\"status\":\"" + status + "\",\"move_type\":\"court_appearance\",\"date\":\"2026-11-26\"},"
                        + "\"relationships\":{\"from_location\":{\"data\":{\"type\":\"locations\",\"id\":\"" + FROM + "\"}},"
                        + "\"to_location\":{\"data\":{\"type\":\"locations\",\"id\":\"" + TO + "\"}},"
                        + "\"profile\":{\"data\":{\"type\":\"profiles\",\"id\":\"" + PROFILE + "\"}}}}}");
    }

    ObjectNode createDocument() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode data = JsonApi.document(Json.MAPPER, root, "moves");
        ((ObjectNode) data.get("attributes")).put("status", "requested").put("move_type", "court_appearance")
                .put("date", "2026-11-26");
        JsonApi.relate(data, "from_location", "locations", FROM);
        JsonApi.relate(data, "to_location", "locations", TO);
        JsonApi.relate(data, "profile", "profiles", PROFILE);
        return root;
    }

    @Test
    void createSendsTheDocumentedHeadersAndMatchesTheContract() throws Exception {
        server.enqueue(token("t1", 7200));
        server.enqueue(moveAnswer(201, "requested"));
        UUID key = UUID.randomUUID();

        ApiResponse answer = clients.moves().createMove(createDocument(), key, "jbloggs");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(CentralMoveResource.read(JsonApi.requireResource(answer.requireJson(), 201), 201).reference())
                .isEqualTo("JHY4716X");
        RecordedRequest tokenRequest = server.takeRequest();
        assertThat(tokenRequest.getPath()).isEqualTo("/oauth/token");
        assertThat(tokenRequest.getHeader("Authorization")).isEqualTo(okhttp3.Credentials.basic("movedesk", "movedesk-secret"));
        assertThat(tokenRequest.getBody().readUtf8()).isEqualTo("grant_type=client_credentials");
        RecordedRequest create = server.takeRequest();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getPath()).isEqualTo("/api/moves");
        assertThat(create.getHeader("Accept")).isEqualTo("application/vnd.api+json; version=2");
        assertThat(create.getHeader("Content-Type")).isEqualTo("application/vnd.api+json");
        assertThat(create.getHeader("Authorization")).isEqualTo("Bearer t1");
        assertThat(create.getHeader("Idempotency-Key")).isEqualTo(key.toString());
        assertThat(create.getHeader("X-Current-User")).isEqualTo("jbloggs");
        assertThat(ContractValidator.problems(recorder.all())).isEmpty();
    }

    @Test
    void eventsListsAndPeopleRequestsMatchTheContract() throws Exception {
        server.enqueue(token("t1", 7200));
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(204));
        }
        server.enqueue(new MockResponse().setHeader("Content-Type", MovesApiClient.ACCEPT).setBody("{\"data\":[]}"));
        server.enqueue(new MockResponse().setHeader("Content-Type", MovesApiClient.ACCEPT).setBody("{\"data\":[]}"));
        server.enqueue(moveAnswer(200, "booked"));

        ObjectNode accept = Json.MAPPER.createObjectNode();
        ((ObjectNode) JsonApi.document(Json.MAPPER, accept, "accepts").get("attributes")).put("timestamp", "2026-11-25T10:00:00Z");
        clients.moves().moveEvent(MOVE_ID, "accept", accept, UUID.randomUUID(), "jbloggs");
        ObjectNode cancel = Json.MAPPER.createObjectNode();
        ((ObjectNode) JsonApi.document(Json.MAPPER, cancel, "cancels").get("attributes"))
                .put("timestamp", "2026-11-25T10:00:00Z").put("cancellation_reason", "made_in_error");
        clients.moves().moveEvent(MOVE_ID, "cancel", cancel, UUID.randomUUID(), "jbloggs");
        ObjectNode redirect = Json.MAPPER.createObjectNode();
        ObjectNode redirectData = JsonApi.document(Json.MAPPER, redirect, "redirects");
        ((ObjectNode) redirectData.get("attributes")).put("timestamp", "2026-11-25T10:00:00Z");
        JsonApi.relate(redirectData, "to_location", "locations", TO);
        clients.moves().moveEvent(MOVE_ID, "redirects", redirect, UUID.randomUUID(), "jbloggs");
        ObjectNode reject = Json.MAPPER.createObjectNode();
        ((ObjectNode) JsonApi.document(Json.MAPPER, reject, "rejects").get("attributes"))
                .put("timestamp", "2026-11-25T10:00:00Z").put("rejection_reason", "no_transport_available").put("rebook", false);
        clients.moves().moveEvent(MOVE_ID, "reject", reject, UUID.randomUUID(), "jbloggs");
        clients.moves().listMoves(MoveListQuery.leaving(FROM, LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 9)), 1, 2000, "jbloggs");
        clients.moves().findPeople("A1234BC", "jbloggs");
        clients.moves().getMove(MOVE_ID, "jbloggs");

        assertThat(recorder.all()).hasSize(7);
        assertThat(ContractValidator.problems(recorder.all())).isEmpty();
    }

    @Test
    void theContractCheckCatchesAWrongRequest() throws Exception {
        server.enqueue(token("t1", 7200));
        server.enqueue(new MockResponse().setResponseCode(204));
        ObjectNode cancelWithoutReason = Json.MAPPER.createObjectNode();
        ((ObjectNode) JsonApi.document(Json.MAPPER, cancelWithoutReason, "cancels").get("attributes"))
                .put("timestamp", "2026-11-25T10:00:00Z");

        clients.moves().moveEvent(MOVE_ID, "cancel", cancelWithoutReason, UUID.randomUUID(), "jbloggs");

        assertThat(ContractValidator.problems(recorder.all())).isNotEmpty()
                .anySatisfy(p -> assertThat(p).contains("cancellation_reason"));
    }

    @Test
    void theTokenIsCachedAndRenewedBeforeItExpires() throws Exception {
        server.enqueue(token("t1", 3600));
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(token("t2", 3600));
        server.enqueue(new MockResponse().setResponseCode(204));

        clients.moves().moveEvent(MOVE_ID, "start", startDoc(), UUID.randomUUID(), "u");
        clients.moves().moveEvent(MOVE_ID, "start", startDoc(), UUID.randomUUID(), "u");
        clock.advance(Duration.ofMinutes(56)); // inside the five-minute renewal margin
        clients.moves().moveEvent(MOVE_ID, "start", startDoc(), UUID.randomUUID(), "u");

        assertThat(server.getRequestCount()).isEqualTo(5);
        List<String> auth = recorder.all().stream().filter(e -> e.path().startsWith("/api"))
                .map(e -> e.header("Authorization")).toList();
        assertThat(auth).containsExactly("Bearer t1", "Bearer t1", "Bearer t2");
    }

    @Test
    void aShortLivedTokenIsNotRenewedOnEveryRequest() throws Exception {
        server.enqueue(token("short", 60));
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(token("next", 60));
        server.enqueue(new MockResponse().setResponseCode(204));

        clients.moves().moveEvent(MOVE_ID, "start", startDoc(), UUID.randomUUID(), "u");
        clock.advance(Duration.ofSeconds(20));
        clients.moves().moveEvent(MOVE_ID, "start", startDoc(), UUID.randomUUID(), "u");
        clock.advance(Duration.ofSeconds(15)); // past half its life: renewed ahead of expiry
        clients.moves().moveEvent(MOVE_ID, "start", startDoc(), UUID.randomUUID(), "u");

        assertThat(recorder.all().stream().filter(e -> e.path().startsWith("/api")).map(e -> e.header("Authorization")))
                .containsExactly("Bearer short", "Bearer short", "Bearer next");
    }

    @Test
    void a401RenewsTheTokenOnceAndRepeatsWithTheSameKey() throws Exception {
        server.enqueue(token("old", 7200));
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"errors\":[{\"title\":\"Not authorized\"}]}"));
        server.enqueue(token("new", 7200));
        server.enqueue(new MockResponse().setResponseCode(204));
        UUID key = UUID.randomUUID();

        ApiResponse answer = clients.moves().moveEvent(MOVE_ID, "start", startDoc(), key, "u");

        assertThat(answer.status()).isEqualTo(204);
        var calls = recorder.all().stream().filter(e -> e.path().startsWith("/api")).toList();
        assertThat(calls).extracting(e -> e.header("Authorization")).containsExactly("Bearer old", "Bearer new");
        assertThat(calls).extracting(e -> e.header("Idempotency-Key")).containsOnly(key.toString());
        assertThat(clients.tokens().problem()).isNull();
    }

    @Test
    void aSecond401IsHandedBackAndReportedAsATokenProblem() throws Exception {
        server.enqueue(token("old", 7200));
        server.enqueue(new MockResponse().setResponseCode(401));
        server.enqueue(token("new", 7200));
        server.enqueue(new MockResponse().setResponseCode(401));

        ApiResponse answer = clients.moves().moveEvent(MOVE_ID, "start", startDoc(), UUID.randomUUID(), "u");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(clients.tokens().problem()).contains("401");
    }

    @Test
    void refusedClientCredentialsAreATokenProblemNotATransientError() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));

        assertThatThrownBy(() -> clients.moves().getMove(MOVE_ID, "u"))
                .isInstanceOf(org.movedesk.sync.auth.TokenException.class)
                .hasMessageContaining("Client authentication failed");
        assertThat(clients.tokens().problem()).contains("Client authentication failed");
    }

    @Test
    void clockSkewOverAMinuteIsWarnedAbout() throws Exception {
        server.enqueue(token("t", 7200).setHeader("Date", okhttp3.internal.http.DatesKt.toHttpDateString(
                java.util.Date.from(clock.instant().plusSeconds(5)))));
        server.enqueue(new MockResponse().setResponseCode(204).setHeader("Date",
                okhttp3.internal.http.DatesKt.toHttpDateString(java.util.Date.from(clock.instant().plus(Duration.ofMinutes(3))))));

        clients.moves().getMove(MOVE_ID, "u");

        assertThat(status.current().clockSkewWarning()).isTrue();
        assertThat(status.current().clockSkew()).isBetween(Duration.ofSeconds(170), Duration.ofSeconds(190));
        assertThat(status.current().online()).isTrue();
    }

    @Test
    void smallClockDifferencesAreNotWarnedAbout() throws Exception {
        server.enqueue(token("t", 7200).setHeader("Date", okhttp3.internal.http.DatesKt.toHttpDateString(
                java.util.Date.from(clock.instant().minusSeconds(20)))));
        server.enqueue(new MockResponse().setResponseCode(204).setHeader("Date",
                okhttp3.internal.http.DatesKt.toHttpDateString(java.util.Date.from(clock.instant().minusSeconds(20)))));

        clients.moves().getMove(MOVE_ID, "u");

        assertThat(status.current().clockSkewWarning()).isFalse();
    }

    @Test
    void badAnswersGiveClearErrors() throws Exception {
        server.enqueue(token("t", 7200));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html><body>Bad gateway</body></html>"));
        server.enqueue(new MockResponse().setHeader("Content-Type", MovesApiClient.ACCEPT).setBody("{\"data\":{\"id\":"));
        server.enqueue(new MockResponse().setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"data\":{\"id\":\"" + MOVE_ID + "\",\"type\":\"moves\",\"attributes\":{}}}"));
        server.enqueue(new MockResponse().setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"data\":\"" + "x".repeat(2 << 20) + "\"}"));

        ApiResponse html = clients.moves().getMove(MOVE_ID, "u");
        assertThatThrownBy(html::requireJson).isInstanceOf(BadAnswerException.class)
                .hasMessageContaining("text/html").hasMessageContaining("Bad gateway");
        ApiResponse truncated = clients.moves().getMove(MOVE_ID, "u");
        assertThatThrownBy(truncated::requireJson).hasMessageContaining("malformed JSON");
        ApiResponse missing = clients.moves().getMove(MOVE_ID, "u");
        assertThatThrownBy(() -> CentralMoveResource.read(JsonApi.requireResource(missing.requireJson(), 200), 200))
                .isInstanceOf(BadAnswerException.class).hasMessageContaining("lacks id, status or move_type");
        assertThatThrownBy(() -> clients.moves().getMove(MOVE_ID, "u")).isInstanceOf(BadAnswerException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void aBodyThatTricklesIsCutOffByTheCallTimeout() throws Exception {
        clients.close();
        clients = clients(new CentralProperties.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(1500)));
        server.enqueue(token("t", 7200));
        server.enqueue(moveAnswer(200, "booked").throttleBody(16, 200, TimeUnit.MILLISECONDS));

        long started = System.nanoTime();
        assertThatThrownBy(() -> clients.moves().getMove(MOVE_ID, "u")).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aDroppedConnectionIsAnIOExceptionAndLooksOfflineOnlyWhenRepeated() throws Exception {
        server.enqueue(token("t", 7200));
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        }
        server.enqueue(moveAnswer(200, "booked"));

        assertThatThrownBy(() -> clients.moves().getMove(MOVE_ID, "u")).isInstanceOf(IOException.class);
        assertThat(status.current().connectivity()).isNotEqualTo(org.movedesk.sync.status.SyncSnapshot.Connectivity.OFFLINE);
        assertThatThrownBy(() -> clients.moves().getMove(MOVE_ID, "u")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> clients.moves().getMove(MOVE_ID, "u")).isInstanceOf(IOException.class);
        assertThat(status.current().connectivity()).isEqualTo(org.movedesk.sync.status.SyncSnapshot.Connectivity.OFFLINE);
        assertThat(clients.moves().getMove(MOVE_ID, "u").status()).isEqualTo(200);
        assertThat(status.current().online()).isTrue();
    }

    @Test
    void aRefusedConnectionIsOfflineAtOnce() throws Exception {
        MockWebServer gone = new MockWebServer();
        gone.start();
        URI closed = gone.url("/").uri();
        gone.shutdown();
        clients.close();
        clients = new CentralClients(CentralProperties.of(closed, closed, closed.resolve("/oauth/token"), "movedesk", "s"),
                Json.MAPPER, status, clock, List.of(recorder));

        assertThatThrownBy(() -> clients.moves().getMove(MOVE_ID, "u")).isInstanceOf(java.net.ConnectException.class);
        assertThat(status.current().connectivity()).isEqualTo(org.movedesk.sync.status.SyncSnapshot.Connectivity.OFFLINE);
    }

    @Test
    void jsonApiErrorsKeepTheServersWords() throws Exception {
        server.enqueue(token("t", 7200));
        server.enqueue(new MockResponse().setResponseCode(422).setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"errors\":[{\"title\":\"Unprocessable entity\",\"detail\":\"Date can't be blank\","
                        + "\"source\":{\"pointer\":\"/data/attributes/date\"},\"code\":\"blank\"}]}"));

        ApiResponse answer = clients.moves().createMove(createDocument(), UUID.randomUUID(), "u");

        var error = ErrorBodies.fromJsonApi(answer);
        assertThat(error.status()).isEqualTo(422);
        assertThat(error.code()).isEqualTo("blank");
        assertThat(error.title()).isEqualTo("Unprocessable entity");
        assertThat(error.detail()).isEqualTo("Date can't be blank");
        assertThat(error.pointer()).isEqualTo("/data/attributes/date");
    }

    private static ObjectNode startDoc() {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ((ObjectNode) JsonApi.document(Json.MAPPER, doc, "starts").get("attributes")).put("timestamp", "2026-11-25T10:00:00Z");
        return doc;
    }
}
