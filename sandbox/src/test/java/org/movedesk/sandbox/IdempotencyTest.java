package org.movedesk.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Idempotency-Key rules, with a clock the test moves across the 10-minute and 12-hour windows. */
class IdempotencyTest extends SandboxTestBase {

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-25T09:00:00Z"));
    private SandboxState.PersonSnapshot person;
    private LocalDate date;

    @Override
    protected SandboxConfig config() {
        return SandboxConfig.builder().people(80).clock(clock).tokenTtl(Duration.ofDays(30)).build();
    }

    @BeforeEach
    void freshSandbox() {
        sandbox.reset();
        person = prisoner(1);
        date = LocalDate.of(2026, 12, 1);
    }

    private ObjectNode body(String toAgency) {
        return moveBody("prison_transfer", date, person.profileIds().get(0), location(person.prisonAgencyId()).id(),
                location(toAgency).id());
    }

    @Test
    void aMissingKeyIs422AndNothingIsCreated() {
        Answer answer = api.post("/api/moves", body("LEI".equals(person.prisonAgencyId()) ? "WWI" : "LEI"));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.firstError().get("detail").asText()).contains("Idempotency-Key");
        assertThat(state().moveCount()).isZero();
        assertThat(sandbox.ledger()).isEmpty();
    }

    @Test
    void aKeyThatIsNotAUuidIs422() {
        Answer answer = api.postWithKey("/api/moves", body(destination()), "retry-1");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.firstError().get("detail").asText()).contains("must be a UUID");
        assertThat(state().moveCount()).isZero();
    }

    @Test
    void theSameRequestWithinTenMinutesGetsTheFirstAnswerAndIsAppliedOnce() {
        String key = UUID.randomUUID().toString();
        Answer first = api.postWithKey("/api/moves", body(destination()), key);
        clock.advance(Duration.ofMinutes(9));
        Answer again = api.postWithKey("/api/moves", body(destination()), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(state().moveCount()).isEqualTo(1);
        assertThat(sandbox.ledger()).hasSize(1);
        assertThat(sandbox.ledger().get(0).idempotencyKey()).isEqualTo(key);
    }

    @Test
    void aDifferentRequestWithAUsedKeyIs409() {
        String key = UUID.randomUUID().toString();
        assertThat(api.postWithKey("/api/moves", body(destination()), key).status()).isEqualTo(201);
        Answer other = api.postWithKey("/api/moves", body(otherDestination()), key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.firstError().get("title").asText()).isEqualTo("Conflict");
        assertThat(state().moveCount()).isEqualTo(1);
    }

    @Test
    void theSameRequestAfterTenMinutesIs409UntilTwelveHoursHavePassed() {
        String key = UUID.randomUUID().toString();
        assertThat(api.postWithKey("/api/moves", body(destination()), key).status()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(10));
        assertThat(api.postWithKey("/api/moves", body(destination()), key).status()).isEqualTo(409);
        clock.advance(Duration.ofHours(11));
        assertThat(api.postWithKey("/api/moves", body(destination()), key).status()).isEqualTo(409);
        assertThat(state().moveCount()).isEqualTo(1);

        // after 12 hours the key is forgotten: the request is new (and now a duplicate of the first move)
        clock.advance(Duration.ofMinutes(50));
        Answer late = api.postWithKey("/api/moves", body(destination()), key);
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.firstError().get("code").asText()).isEqualTo("taken");
    }

    @Test
    void eventEndpointsReplayTheir204AndApplyOnce() {
        String moveId = bookMove(person, destination(), date).get("id").asText();
        String key = UUID.randomUUID().toString();
        Answer accept = api.postWithKey("/api/moves/" + moveId + "/accept", eventBody("accepts"), key);
        Answer replay = api.postWithKey("/api/moves/" + moveId + "/accept", eventBody("accepts"), key);
        assertThat(accept.status()).isEqualTo(204);
        assertThat(replay.status()).isEqualTo(204);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(sandbox.ledger()).extracting(LedgerEntry::action).containsExactly("move.create", "move.accept");

        Answer reused = api.postWithKey("/api/moves/" + moveId + "/start", eventBody("starts"), key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(state().moveStatus(UUID.fromString(moveId))).contains("booked");
    }

    @Test
    void patchNeedsAKeyAndReplaysToo() {
        String moveId = bookMove(person, destination(), date).get("id").asText();
        ObjectNode patch = obj("data", obj("type", "moves", "attributes", obj("additional_information", "wheelchair")));
        assertThat(api.patchWithKey("/api/moves/" + moveId, patch, null).status()).isEqualTo(422);
        String key = UUID.randomUUID().toString();
        Answer first = api.patchWithKey("/api/moves/" + moveId, patch, key);
        Answer again = api.patchWithKey("/api/moves/" + moveId, patch, key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        ObjectNode other = obj("data", obj("type", "moves", "attributes", obj("additional_information", "stretcher")));
        assertThat(api.patchWithKey("/api/moves/" + moveId, other, key).status()).isEqualTo(409);
        assertThat(sandbox.ledger()).extracting(LedgerEntry::action).containsExactly("move.create", "move.update");
    }

    @Test
    void aRejectedRequestDoesNotUseUpItsKey() {
        String key = UUID.randomUUID().toString();
        ObjectNode broken = body(destination());
        ((ObjectNode) broken.get("data").get("attributes")).remove("move_type");
        assertThat(api.postWithKey("/api/moves", broken, key).status()).isEqualTo(422);
        assertThat(api.postWithKey("/api/moves", body(destination()), key).status()).isEqualTo(201);
    }

    @Test
    void concurrentRetriesWithOneKeyAreAppliedOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Answer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> api.postWithKey("/api/moves", body(destination()), key)));
            }
            java.util.Set<String> bodies = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Answer> answer : answers) {
                Answer a = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(a.status()).isEqualTo(201);
                bodies.add(a.body());
            }
            assertThat(bodies).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(state().moveCount()).isEqualTo(1);
        assertThat(sandbox.ledger()).hasSize(1);
    }

    private String destination() {
        return person.prisonAgencyId().equals("LEI") ? "WWI" : "LEI";
    }

    private String otherDestination() {
        return person.prisonAgencyId().equals("BMI") ? "DMI" : "BMI";
    }
}
