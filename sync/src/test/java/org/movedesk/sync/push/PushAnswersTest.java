package org.movedesk.sync.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveRepository;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.sync.moves.MovesApiClient;
import org.movedesk.sync.testing.DeskHarness;
import org.movedesk.sync.testing.ScriptedCentral;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * SYNC.md's answer table, one row at a time, against a scripted central service on loopback and a
 * real H2 store: what each answer does to the outbox entry, and that the same key is reused.
 */
class PushAnswersTest {

    static final String PRISON = "11111111-0000-4000-8000-000000000001";
    static final String COURT = "11111111-0000-4000-8000-000000000002";
    static final String OTHER_COURT = "11111111-0000-4000-8000-000000000003";

    @TempDir
    static Path store;
    static MockWebServer server;
    static ScriptedCentral central;
    static DeskHarness desk;
    static final AtomicInteger people = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        central = new ScriptedCentral();
        server = new MockWebServer();
        server.setDispatcher(central);
        server.start();
        desk = DeskHarness.start(store, server.url("/").uri(), DeskHarness.fastSettings(),
                new org.movedesk.sync.http.CentralProperties.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Duration.ofSeconds(4)));
        desk.locations(List.of(DeskHarness.location(PRISON, "hmp_test", LocationType.PRISON, "TST"),
                DeskHarness.location(COURT, "test_court", LocationType.COURT, "TSTCC"),
                DeskHarness.location(OTHER_COURT, "other_court", LocationType.COURT, "OTHCC")));
        desk.startPush();
    }

    @AfterAll
    static void stop() throws IOException {
        desk.close();
        server.shutdown();
    }

    /** A person the centre knows, and a move booked for them offline; returns the local move id. */
    record Booked(UUID moveId, String personCentral, String profileCentral, LocalDate date) {
    }

    static Booked book() {
        int n = people.incrementAndGet();
        String personCentral = UUID.randomUUID().toString();
        String profileCentral = UUID.randomUUID().toString();
        UUID personId = desk.knownPerson(personCentral, String.format("A%04dAA", n), profileCentral);
        LocalDate date = LocalDate.now().plusDays(1 + n % 10);
        Move move = desk.moves().book(DeskHarness.staff(), new BookMove(personId, MoveType.COURT_APPEARANCE,
                UUID.fromString(PRISON), UUID.fromString(COURT), date, null, "test " + n, false));
        return new Booked(move.getId(), personCentral, profileCentral, date);
    }

    static String path(String centralId) {
        return "/api/moves/" + centralId;
    }

    static MockResponse move(String id, String status, Booked b, String to) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"data\":{\"id\":\"" + id + "\",\"type\":\"moves\",\"attributes\":{\"reference\":\"REF"
                        + id.substring(0, 5).toUpperCase() + "\",\"status\":\"" + status
                        + "\",\"move_type\":\"court_appearance\",\"date\":\"" + b.date() + "\"},\"relationships\":{"
                        + "\"from_location\":{\"data\":{\"type\":\"locations\",\"id\":\"" + PRISON + "\"}},"
                        + "\"to_location\":{\"data\":{\"type\":\"locations\",\"id\":\"" + to + "\"}},"
                        + "\"profile\":{\"data\":{\"type\":\"profiles\",\"id\":\"" + b.profileCentral() + "\"}}}}}");
    }

    static MockResponse created(String id, Booked b) {
        return move(id, "requested", b, COURT).setResponseCode(201);
    }

    static MockResponse error(int status, String title, String detail, String pointer, String code) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"errors\":[{\"title\":\"" + title + "\",\"detail\":\"" + detail + "\""
                        + (pointer == null ? "" : ",\"source\":{\"pointer\":\"" + pointer + "\"}")
                        + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}]}");
    }

    static List<OutboxEntry> entries(UUID moveId) {
        return desk.outbox().forAggregate(AggregateType.MOVE, moveId.toString());
    }

    static OutboxEntry entry(UUID moveId, OutboxAction action) {
        return entries(moveId).stream().filter(e -> e.getAction() == action).reduce((a, b) -> b).orElseThrow();
    }

    static OutboxEntry awaitState(UUID moveId, OutboxAction action, OutboxState state) {
        Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(25))
                .until(() -> entries(moveId).stream().anyMatch(e -> e.getAction() == action && e.getState() == state));
        return entry(moveId, action);
    }

    /** Books a move and lets the centre create it with the given central id. */
    static Booked bookedAndCreated(String centralId) {
        Booked b = book();
        central.on("POST /api/moves", r -> created(centralId, b));
        awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.CONFIRMED);
        return b;
    }

    @Test
    void aCreatedMoveIsLinkedAndConfirmedWithItsStoredKey() {
        String id = UUID.randomUUID().toString();
        Booked b = book();
        central.on("POST /api/moves", r -> created(id, b));

        OutboxEntry e = awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.CONFIRMED);

        Move m = desk.bean(MoveRepository.class).findById(b.moveId()).orElseThrow();
        assertThat(m.getCentralId()).isEqualTo(id);
        assertThat(m.getReference()).isEqualTo("REF" + id.substring(0, 5).toUpperCase());
        RecordedRequest sent = central.requests("POST /api/moves").stream()
                .filter(r -> r.getBody().clone().readUtf8().contains(b.profileCentral())).findFirst().orElseThrow();
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(e.getIdempotencyKey().toString());
        assertThat(sent.getHeader("X-Current-User")).isEqualTo("jbloggs");
        assertThat(desk.contractProblems()).isEmpty();
    }

    @Test
    void anEventIsConfirmedOnlyWhenTheMoveShowsIt() {
        String id = UUID.randomUUID().toString();
        Booked b = bookedAndCreated(id);
        central.on("POST " + path(id) + "/accept", r -> new MockResponse().setResponseCode(204));
        central.on("GET " + path(id), r -> move(id, "booked", b, COURT));

        desk.moves().accept(DeskHarness.staff(), b.moveId(), null, null);

        awaitState(b.moveId(), OutboxAction.ACCEPT, OutboxState.CONFIRMED);
        assertThat(central.requests("GET " + path(id))).isNotEmpty();
        assertThat(desk.contractProblems()).isEmpty();
    }

    @Test
    void a204ThatChangedNothingGoesToTheConflictInboxWithBothStates() {
        String id = UUID.randomUUID().toString();
        Booked b = bookedAndCreated(id);
        central.on("POST " + path(id) + "/accept", r -> new MockResponse().setResponseCode(204));
        central.on("GET " + path(id), r -> move(id, "cancelled", b, COURT));

        desk.moves().accept(DeskHarness.staff(), b.moveId(), null, null);

        OutboxEntry e = awaitState(b.moveId(), OutboxAction.ACCEPT, OutboxState.CONFLICT);
        assertThat(e.getConflictLocal()).contains("booked");
        assertThat(e.getConflictRemote()).contains("cancelled");
    }

    @Test
    void takenForTheSameMoveLinksToTheExistingOne() {
        String existing = UUID.randomUUID().toString();
        Booked b = book();
        central.on("POST /api/moves", r -> error(422, "Unprocessable entity", "Profile has already been taken", null, "taken")
                .setBody("{\"errors\":[{\"title\":\"Unprocessable entity\",\"detail\":\"taken\",\"code\":\"taken\","
                        + "\"meta\":{\"existing_id\":\"" + existing + "\"}}]}"));
        central.on("GET " + path(existing), r -> move(existing, "requested", b, COURT));

        awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.CONFIRMED);

        assertThat(desk.bean(MoveRepository.class).findById(b.moveId()).orElseThrow().getCentralId()).isEqualTo(existing);
    }

    @Test
    void takenForADifferentMoveIsAConflictForTheOperator() {
        String existing = UUID.randomUUID().toString();
        Booked b = book();
        central.on("POST /api/moves", r -> new MockResponse().setResponseCode(422).setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"errors\":[{\"title\":\"Unprocessable entity\",\"detail\":\"taken\",\"code\":\"taken\","
                        + "\"meta\":{\"existing_id\":\"" + existing + "\"}}]}"));
        central.on("GET " + path(existing), r -> move(existing, "booked", b, OTHER_COURT));

        OutboxEntry e = awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.CONFLICT);
        assertThat(e.getConflictRemote()).contains(existing);
    }

    @Test
    void aRefusedRequestFailsWithTheServersOwnWords() {
        Booked b = book();
        central.on("POST /api/moves", r -> error(422, "Unprocessable entity", "Date can't be blank", "/data/attributes/date", "blank"));

        OutboxEntry e = awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.FAILED);

        assertThat(e.getErrorStatus()).isEqualTo(422);
        assertThat(e.getErrorTitle()).isEqualTo("Unprocessable entity");
        assertThat(e.getErrorDetail()).isEqualTo("Date can't be blank");
        assertThat(e.getErrorPointer()).isEqualTo("/data/attributes/date");
        assertThat(e.getErrorCode()).isEqualTo("blank");
    }

    @Test
    void forbiddenAndUnsupportedMediaTypeFail() {
        Booked forbidden = book();
        central.on("POST /api/moves", r -> error(403, "Forbidden", "Supplier may not create moves", null, null));
        OutboxEntry e = awaitState(forbidden.moveId(), OutboxAction.CREATE_MOVE, OutboxState.FAILED);
        assertThat(e.getErrorStatus()).isEqualTo(403);
        assertThat(e.getErrorTitle()).isEqualTo("Not allowed");

        Booked media = book();
        central.on("POST /api/moves", r -> error(415, "Invalid Media Type", "Content-Type must be application/vnd.api+json", null, null));
        OutboxEntry m = awaitState(media.moveId(), OutboxAction.CREATE_MOVE, OutboxState.FAILED);
        assertThat(m.getErrorStatus()).isEqualTo(415);
    }

    @Test
    void serverErrorsAreRetriedWithTheSameKeyUntilTheyPass() {
        String id = UUID.randomUUID().toString();
        Booked b = book();
        AtomicInteger calls = new AtomicInteger();
        central.on("POST /api/moves", r -> calls.incrementAndGet() <= 2
                ? new MockResponse().setResponseCode(calls.get() == 1 ? 500 : 503).setBody("oops")
                : created(id, b));

        OutboxEntry e = awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.CONFIRMED);

        List<String> keys = central.requests("POST /api/moves").stream()
                .filter(r -> r.getBody().clone().readUtf8().contains(b.profileCentral()))
                .map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys).hasSize(3).containsOnly(e.getIdempotencyKey().toString());
        assertThat(e.getAttempts()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsWaitsRetryAfterWithoutCountingAnAttempt() {
        String id = UUID.randomUUID().toString();
        Booked b = book();
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Long> first = new AtomicReference<>();
        AtomicReference<Long> second = new AtomicReference<>();
        central.on("POST /api/moves", r -> {
            if (calls.incrementAndGet() == 1) {
                first.set(System.nanoTime());
                return new MockResponse().setResponseCode(429).setHeader("Retry-After", "1");
            }
            second.set(System.nanoTime());
            return created(id, b);
        });

        OutboxEntry e = awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.CONFIRMED);

        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(Duration.ofNanos(second.get() - first.get())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void a409IsReconciledByReadingTheMoveNeverByABlindResend() {
        String id = UUID.randomUUID().toString();
        Booked b = bookedAndCreated(id);
        // effect present: the earlier attempt did start it
        central.on("POST " + path(id) + "/accept", r -> error(409, "Conflict", "Idempotency key reused", null, null));
        central.on("GET " + path(id), r -> move(id, "booked", b, COURT));
        desk.moves().accept(DeskHarness.staff(), b.moveId(), null, null);
        OutboxEntry accepted = awaitState(b.moveId(), OutboxAction.ACCEPT, OutboxState.CONFIRMED);
        assertThat(central.requests("POST " + path(id) + "/accept")).hasSize(1);

        // effect absent: a new key, recorded, then sent again
        AtomicInteger starts = new AtomicInteger();
        central.on("POST " + path(id) + "/start", r -> starts.incrementAndGet() == 1
                ? error(409, "Conflict", "Idempotency key reused", null, null)
                : new MockResponse().setResponseCode(204));
        central.on("GET " + path(id), r -> move(id, starts.get() >= 2 ? "in_transit" : "booked", b, COURT));
        desk.moves().start(DeskHarness.staff(), b.moveId(), null, null);
        OutboxEntry started = awaitState(b.moveId(), OutboxAction.START, OutboxState.CONFIRMED);

        List<String> keys = central.requests("POST " + path(id) + "/start").stream().map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys).hasSize(2).doesNotHaveDuplicates();
        assertThat(keys.get(1)).isEqualTo(started.getIdempotencyKey().toString());
        assertThat(accepted.getState()).isEqualTo(OutboxState.CONFIRMED);
    }

    @Test
    void badAnswersLeaveAClearErrorAndTheEntryIsSentAgainWithItsKey() {
        String id = UUID.randomUUID().toString();
        Booked b = book();
        AtomicInteger calls = new AtomicInteger();
        List<MockResponse> bad = List.of(
                new MockResponse().setResponseCode(201).setHeader("Content-Type", "text/html").setBody("<html>Gateway</html>"),
                new MockResponse().setResponseCode(201).setHeader("Content-Type", MovesApiClient.ACCEPT).setBody("{\"data\":{\"id\""),
                new MockResponse().setResponseCode(201).setHeader("Content-Type", MovesApiClient.ACCEPT).setBody("{\"data\":{\"type\":\"moves\"}}"),
                new MockResponse().setResponseCode(201).setHeader("Content-Type", MovesApiClient.ACCEPT)
                        .setBody("{\"data\":\"" + "x".repeat(2 << 20) + "\"}"),
                new MockResponse().setResponseCode(201).setHeader("Content-Type", "text/plain").setBody("created"),
                new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        AtomicReference<String> lastError = new AtomicReference<>();
        central.on("POST /api/moves", r -> {
            int n = calls.incrementAndGet();
            if (n > 1) {
                OutboxEntry e = entry(b.moveId(), OutboxAction.CREATE_MOVE);
                lastError.set(e.getErrorTitle() + ": " + e.getErrorDetail());
            }
            return n <= bad.size() ? bad.get(n - 1) : created(id, b);
        });

        OutboxEntry e = awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.CONFIRMED);

        assertThat(calls.get()).isEqualTo(bad.size() + 1);
        assertThat(lastError.get()).contains("Connection problem").doesNotContain("null: null");
        assertThat(central.requests("POST /api/moves").stream()
                .filter(r -> r.getBody().clone().readUtf8().contains(b.profileCentral()))
                .map(r -> r.getHeader("Idempotency-Key")).distinct().toList())
                .containsExactly(e.getIdempotencyKey().toString());
        assertThat(desk.bean(MoveRepository.class).findById(b.moveId()).orElseThrow().getCentralId()).isEqualTo(id);
    }

    @Test
    void aSlowBodyIsCutOffAndRetried() {
        String id = UUID.randomUUID().toString();
        Booked b = book();
        AtomicInteger calls = new AtomicInteger();
        central.on("POST /api/moves", r -> calls.incrementAndGet() == 1
                ? created(id, b).throttleBody(10, 1, TimeUnit.SECONDS)
                : created(id, b));

        OutboxEntry e = awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.CONFIRMED);

        assertThat(calls.get()).isEqualTo(2);
        assertThat(e.getAttempts()).isEqualTo(2);
    }

    @Test
    void aTokenRefusedTwicePausesTheQueueUntilResumed() {
        String id = UUID.randomUUID().toString();
        Booked b = book();
        AtomicInteger calls = new AtomicInteger();
        central.on("POST /api/moves", r -> calls.incrementAndGet() <= 2
                ? new MockResponse().setResponseCode(401).setHeader("Content-Type", MovesApiClient.ACCEPT)
                        .setBody("{\"errors\":[{\"title\":\"Not authorized\"}]}")
                : created(id, b));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> desk.status.current().paused());
        assertThat(desk.status.current().tokenProblem()).contains("401");
        assertThat(calls.get()).isEqualTo(2); // renewed once, then stopped: no hammering with a bad token
        OutboxEntry waiting = entry(b.moveId(), OutboxAction.CREATE_MOVE);
        assertThat(waiting.getState()).isEqualTo(OutboxState.PENDING);
        assertThat(waiting.getAttempts()).isZero();

        desk.push.resume();

        awaitState(b.moveId(), OutboxAction.CREATE_MOVE, OutboxState.CONFIRMED);
        assertThat(desk.status.current().paused()).isFalse();
        assertThat(desk.status.current().tokenProblem()).isNull();
    }
}
