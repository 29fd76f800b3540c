package org.movedesk.sandbox;

import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Content-Type (415), the version in Accept, unknown includes (400) and unknown routes. */
class HeaderQuirksTest extends SandboxTestBase {

    private Map<String, String> headersWith(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(api.apiHeaders(UUID.randomUUID().toString()));
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return headers;
    }

    @Test
    void plainJsonContentTypeIs415() {
        Answer answer = api.send("POST", "/api/moves", headersWith("Content-Type", "application/json"), "{\"data\":{}}");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.firstError().get("title").asText()).isEqualTo("Invalid Media Type");
        assertThat(state().moveCount()).isZero();
    }

    @Test
    void missingContentTypeIs415EvenOnAGet() {
        Answer answer = api.send("GET", "/api/moves", headersWith("Content-Type", null), null);
        assertThat(answer.status()).isEqualTo(415);
    }

    @Test
    void contentTypeParametersAreFine() {
        Answer answer = api.send("GET", "/api/moves", headersWith("Content-Type", "application/vnd.api+json; charset=utf-8"), null);
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void theVersionComesFromTheAcceptHeader() {
        assertThat(api.send("GET", "/api/moves", headersWith("Accept", "application/vnd.api+json; version=2"), null).status())
                .isEqualTo(200);
        Answer v1 = api.send("GET", "/api/moves", headersWith("Accept", "application/vnd.api+json; version=1"), null);
        assertThat(v1.status()).isEqualTo(406);
        assertThat(v1.firstError().get("detail").asText()).contains("version=2");
        assertThat(api.send("GET", "/api/moves", headersWith("Accept", null), null).status()).isEqualTo(406);
    }

    @Test
    void unknownIncludeIs400AndNamesTheValue() {
        Answer answer = api.get("/api/moves?include=profile.person,bananas");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.firstError().get("detail").asText()).startsWith("bananas is not supported");
        assertThat(api.get("/api/people?include=moves").status()).isEqualTo(400);
        assertThat(api.get("/api/moves?include=profile").status()).as("not in upstream's list").isEqualTo(400);
        assertThat(api.get("/api/moves/" + UUID.randomUUID() + "?include=timeline_events,important_events").status())
                .isEqualTo(400);
    }

    @Test
    void unknownMoveIs404AndUnknownRouteIs404() {
        Answer move = api.get("/api/moves/" + UUID.randomUUID());
        assertThat(move.status()).isEqualTo(404);
        assertThat(move.firstError().get("title").asText()).isEqualTo("Resource not found");
        assertThat(api.get("/api/moves/not-a-uuid").status()).isEqualTo(404);
        assertThat(api.postIdempotent("/api/moves/" + UUID.randomUUID() + "/accept", eventBody("accepts")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/journeys").status()).isEqualTo(404);
    }
}
