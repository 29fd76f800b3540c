package org.movedesk.sync.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.CentralError;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.http.ErrorBodies;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.sync.testing.Json;
import org.movedesk.sync.testing.TestClock;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

class RestrictedPatientsClientTest {

    MockWebServer server;
    CentralClients clients;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        URI base = server.url("/").uri();
        TestClock clock = new TestClock(Instant.now());
        clients = new CentralClients(CentralProperties.of(base, base, server.url("/oauth/token").uri(), "movedesk", "s"),
                Json.MAPPER, new SyncStatus(clock), clock, List.of());
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"access_token\":\"rp-token\",\"expires_in\":7200}"));
    }

    @AfterEach
    void stop() throws IOException {
        clients.close();
        server.shutdown();
    }

    @Test
    void dischargeSendsPlainJsonWithTheTokenAndTheUser() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                .setBody("{\"prisonerNumber\":\"A1234AA\",\"dischargeTime\":\"2026-11-25T10:00:00\"}"));
        var body = Json.MAPPER.createObjectNode().put("offenderNo", "A1234AA").put("fromLocationId", "MDI")
                .put("hospitalLocationCode", "HAZLWD");

        ApiResponse r = clients.patients().dischargeToHospital(body, UUID.randomUUID(), "rp-officer");

        assertThat(r.status()).isEqualTo(201);
        server.takeRequest();
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getPath()).isEqualTo("/discharge-to-hospital");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        assertThat(sent.getHeader("Accept")).isEqualTo("application/json");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer rp-token");
        assertThat(sent.getHeader("X-Current-User")).isEqualTo("rp-officer");
        assertThat(Json.MAPPER.readTree(sent.getBody().readUtf8()).get("hospitalLocationCode").asText()).isEqualTo("HAZLWD");
    }

    @Test
    void errorBodiesGiveTheUserMessageAndCode() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                .setBody("{\"status\":400,\"errorCode\":\"EXISTING_PATIENT\",\"userMessage\":\"Prisoner (A1234AA) is already a "
                        + "restricted patient\",\"developerMessage\":\"dev text\",\"moreInfo\":null}"));

        ApiResponse r = clients.patients().dischargeToHospital(Json.MAPPER.createObjectNode().put("offenderNo", "A1234AA"),
                UUID.randomUUID(), "u");

        CentralError e = ErrorBodies.fromRestrictedPatients(r);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("EXISTING_PATIENT");
        assertThat(e.title()).isEqualTo("Prisoner (A1234AA) is already a restricted patient");
        assertThat(e.detail()).isEqualTo("dev text");
    }

    @Test
    void anHtmlErrorPageIsStillAReadableError() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><h1>502 Bad Gateway</h1></html>"));

        ApiResponse r = clients.patients().find("A1234AA", "u");

        CentralError e = ErrorBodies.fromRestrictedPatients(r);
        assertThat(e.title()).isEqualTo("HTTP 502");
        assertThat(e.detail()).contains("text/html").contains("502 Bad Gateway");
    }

    @Test
    void removeIsADeleteOnThePrisonNumber() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody("{\"prisonerNumber\":\"A1234AA\"}"));

        clients.patients().remove("A1234AA", UUID.randomUUID(), "u");

        server.takeRequest();
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("DELETE");
        assertThat(sent.getPath()).isEqualTo("/restricted-patient/prison-number/A1234AA");
    }
}
