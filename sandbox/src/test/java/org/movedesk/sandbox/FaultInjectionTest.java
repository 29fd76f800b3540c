package org.movedesk.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Each fault type, what it does to state (checked through the ledger), and that /__admin is never faulted. */
class FaultInjectionTest extends SandboxTestBase {

    @BeforeEach
    void noFaults() {
        sandbox.reset();
        api.token();
    }

    private String createBody() {
        SandboxState.PersonSnapshot person = prisoner(4);
        String to = person.prisonAgencyId().equals("LEI") ? "WWI" : "LEI";
        return org.movedesk.sandbox.support.ApiClient.json(moveBody("prison_transfer", LocalDate.now().plusDays(2),
                person.profileIds().get(0), location(person.prisonAgencyId()).id(), location(to).id()));
    }

    @Test
    void latencyDelaysEveryAnswer() {
        sandbox.faults().setLatencyMillis(300);
        long start = System.nanoTime();
        assertThat(api.get("/api/reference/locations").status()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void errorRateAnswers500Or503WithoutApplying() {
        sandbox.faults().setErrorRate(1.0);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            Answer answer = api.send("POST", "/api/moves", api.apiHeaders(UUID.randomUUID().toString()), createBody());
            seen.add(answer.status());
            assertThat(answer.firstError().get("detail").asText()).contains("Injected fault");
        }
        assertThat(seen).containsExactlyInAnyOrder(500, 503);
        assertThat(sandbox.ledger()).isEmpty();
        assertThat(state().moveCount()).isZero();
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        sandbox.faults().setTooManyRequestsRate(1.0).setRetryAfterSeconds(7);
        Answer answer = api.get("/api/moves");
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("7");
        assertThat(api.send("POST", "/api/moves", api.apiHeaders(UUID.randomUUID().toString()), createBody()).status())
                .isEqualTo(429);
        assertThat(sandbox.ledger()).isEmpty();
    }

    @Test
    void aDroppedConnectionStillAppliesTheRequestSoARetryWithTheSameKeyIsReplayed() {
        sandbox.faults().setDropRate(1.0);
        String key = UUID.randomUUID().toString();
        Throwable failure = catchThrowable(() -> api.raw("POST", "/api/moves", api.apiHeaders(key), createBody()));
        assertThat(failure).isInstanceOf(IOException.class);
        assertThat(sandbox.ledger()).hasSize(1);

        sandbox.faults().clear();
        Answer retry = api.send("POST", "/api/moves", api.apiHeaders(key), createBody());
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(sandbox.ledger()).hasSize(1);
        assertThat(state().moveCount()).isEqualTo(1);
    }

    @Test
    void aTruncatedBodyBreaksTheAnswerButNotTheState() throws Exception {
        sandbox.faults().setTruncateRate(1.0);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> response = null;
        Throwable failure = null;
        try {
            response = api.raw("POST", "/api/moves", api.apiHeaders(key), createBody());
        } catch (IOException e) {
            failure = e;
        }
        // either the client notices the short body, or it hands back half a document that is not JSON
        if (failure == null) {
            String body = response.body();
            assertThatThrownBy(() -> MAPPER.readTree(body)).isInstanceOf(IOException.class);
        }
        assertThat(sandbox.ledger()).hasSize(1);
        assertThat(state().moveCount()).isEqualTo(1);
    }

    @Test
    void adminIsNeverFaulted() {
        sandbox.faults().setErrorRate(1.0).setDropRate(1.0).setLatencyMillis(0);
        Answer faults = api.send("GET", "/__admin/faults", java.util.Map.of(), null);
        assertThat(faults.status()).isEqualTo(200);
        assertThat(faults.json().get("errorRate").asDouble()).isEqualTo(1.0);
        assertThat(api.send("GET", "/__admin/ledger", java.util.Map.of(), null).status()).isEqualTo(200);
        assertThat(api.tokenRequest("movedesk", "movedesk-secret").status()).isIn(500, 503);
    }

    @Test
    void faultsSetAtStartUpComeBackAfterReset() {
        try (Sandbox faulty = Sandbox.start(SandboxConfig.builder().people(10)
                .faults(Faults.NONE.withTooManyRequestsRate(1.0).withRetryAfterSeconds(3)).build())) {
            var client = new org.movedesk.sandbox.support.ApiClient(faulty.baseUri(), recorder);
            assertThat(client.tokenRequest("movedesk", "movedesk-secret").status()).isEqualTo(429);
            faulty.faults().clear();
            assertThat(client.tokenRequest("movedesk", "movedesk-secret").status()).isEqualTo(200);
            faulty.faults().reset();
            assertThat(faulty.faults().tooManyRequestsRate()).isEqualTo(1.0);
        }
    }
}
