package org.movedesk.sandbox;

import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client-credentials token endpoint and bearer checks on both APIs, with a clock the test moves. */
class AuthTest extends SandboxTestBase {

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-25T09:00:00Z"));

    @Override
    protected SandboxConfig config() {
        return SandboxConfig.builder().people(50).clock(clock).tokenTtl(Duration.ofHours(2)).build();
    }

    @Test
    void basicCredentialsGetABearerTokenInDoorkeeperShape() {
        Answer answer = api.tokenRequest("movedesk", "movedesk-secret");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("access_token").asText()).hasSizeGreaterThan(20);
        assertThat(answer.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(answer.json().get("expires_in").asLong()).isEqualTo(7200);
        assertThat(answer.json().get("created_at").asLong()).isEqualTo(clock.instant().getEpochSecond());
    }

    @Test
    void formCredentialsWorkToo() {
        Answer answer = api.send("POST", "/oauth/token", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=client_credentials&client_id=movedesk&client_secret=movedesk-secret");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("token_type").asText()).isEqualTo("bearer");
    }

    @Test
    void wrongSecretIsRefusedWith401InvalidClient() {
        Answer answer = api.tokenRequest("movedesk", "guess");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
        Answer none = api.send("POST", "/oauth/token", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=client_credentials");
        assertThat(none.status()).isEqualTo(401);
    }

    @Test
    void otherGrantsAndMissingGrantAre400() {
        Answer password = api.send("POST", "/oauth/token", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=password&client_id=movedesk&client_secret=movedesk-secret");
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("error").asText()).isEqualTo("unsupported_grant_type");
        Answer missing = api.send("POST", "/oauth/token", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "client_id=movedesk&client_secret=movedesk-secret");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void missingOrWrongTokenIs401OnBothApis() {
        Map<String, String> noToken = Map.of("Content-Type", "application/vnd.api+json",
                "Accept", "application/vnd.api+json; version=2");
        Answer moves = api.send("GET", "/api/moves", noToken, null);
        assertThat(moves.status()).isEqualTo(401);
        assertThat(moves.firstError().get("title").asText()).isEqualTo("Not authorized");

        Answer wrong = api.send("GET", "/api/moves", Map.of("Content-Type", "application/vnd.api+json",
                "Accept", "application/vnd.api+json; version=2", "Authorization", "Bearer not-a-token"), null);
        assertThat(wrong.status()).isEqualTo(401);

        Answer rp = api.send("GET", "/restricted-patient/prison-number/A1234BC", Map.of(), null);
        assertThat(rp.status()).isEqualTo(401);
        assertThat(rp.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String token = api.fetchToken("movedesk", "movedesk-secret");
        api.useToken(token);
        assertThat(api.get("/api/reference/locations").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(api.get("/api/reference/locations").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        Answer expired = api.get("/api/reference/locations");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.firstError().get("detail").asText()).isEqualTo("Token expired or invalid");
        assertThat(api.rp("GET", "/restricted-patient/prison-number/A1234BC", null).status()).isEqualTo(401);

        api.useToken(api.fetchToken("movedesk", "movedesk-secret"));
        assertThat(api.get("/api/reference/locations").status()).isEqualTo(200);
    }

    @Test
    void credentialsAreConfigurable() {
        try (Sandbox other = Sandbox.start(SandboxConfig.builder().people(10).clientId("desk-7").clientSecret("s3cret").build())) {
            var client = new org.movedesk.sandbox.support.ApiClient(other.baseUri(), recorder);
            assertThat(client.tokenRequest("desk-7", "s3cret").status()).isEqualTo(200);
            assertThat(client.tokenRequest("movedesk", "movedesk-secret").status()).isEqualTo(401);
        }
    }
}
