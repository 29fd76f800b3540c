package org.movedesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /__admin over HTTP: faults (GET/PUT), the ledger and reset; no token needed. */
class AdminApiTest extends SandboxTestBase {

    private Answer admin(String method, String path, String body) {
        return api.send(method, path, body == null ? Map.of() : Map.of("Content-Type", "application/json"), body);
    }

    @Test
    void putFaultsChangesOnlyTheFieldsGiven() {
        sandbox.reset();
        Answer put = admin("PUT", "/__admin/faults", "{\"errorRate\":0.25,\"retryAfterSeconds\":9}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("errorRate").asDouble()).isEqualTo(0.25);
        assertThat(put.json().get("latencyMillis").asLong()).isZero();
        assertThat(sandbox.faults().retryAfterSeconds()).isEqualTo(9);
        JsonNode got = admin("GET", "/__admin/faults", null).json();
        assertThat(got.get("errorRate").asDouble()).isEqualTo(0.25);
        assertThat(got.get("retryAfterSeconds").asInt()).isEqualTo(9);
        sandbox.faults().clear();
    }

    @Test
    void badFaultValuesAre400AndChangeNothing() {
        sandbox.reset();
        assertThat(admin("PUT", "/__admin/faults", "{\"errorRate\":1.5}").status()).isEqualTo(400);
        assertThat(admin("PUT", "/__admin/faults", "{\"chaos\":1}").status()).isEqualTo(400);
        assertThat(admin("PUT", "/__admin/faults", "{\"errorRate\":\"lots\"}").status()).isEqualTo(400);
        assertThat(admin("PUT", "/__admin/faults", "not json").status()).isEqualTo(400);
        assertThat(sandbox.faults().snapshot()).isEqualTo(Faults.NONE);
        assertThat(admin("GET", "/__admin/nothing", null).status()).isEqualTo(404);
    }

    @Test
    void ledgerListsAppliedChangesAndResetRestoresTheSeed() {
        sandbox.reset();
        SandboxState.PersonSnapshot person = prisoner(5);
        String moveId = bookMove(person, person.prisonAgencyId().equals("LEI") ? "WWI" : "LEI", LocalDate.now().plusDays(4))
                .get("id").asText();
        Answer ledger = admin("GET", "/__admin/ledger", null);
        assertThat(ledger.status()).isEqualTo(200);
        JsonNode entry = ledger.json().get(0);
        assertThat(entry.get("method").asText()).isEqualTo("POST");
        assertThat(entry.get("path").asText()).isEqualTo("/api/moves");
        assertThat(entry.get("resourceId").asText()).isEqualTo(moveId);
        assertThat(entry.get("idempotencyKey").asText()).matches("[0-9a-f-]{36}");
        assertThat(entry.get("action").asText()).isEqualTo("move.create");
        assertThat(entry.get("time").asText()).isNotBlank();

        Answer reset = admin("POST", "/__admin/reset", null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(admin("GET", "/__admin/ledger", null).json()).isEmpty();
        assertThat(state().moveCount()).isZero();
        assertThat(state().personByPrisonNumber(person.prisonNumber()).orElseThrow().id()).isEqualTo(person.id());
        // the token survives a reset
        assertThat(api.get("/api/moves").status()).isEqualTo(200);
    }
}
