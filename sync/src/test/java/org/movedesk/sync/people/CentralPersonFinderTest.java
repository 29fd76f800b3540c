package org.movedesk.sync.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.movedesk.core.people.CentralPersonAnswer;
import org.movedesk.core.people.PersonData;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.moves.MovesApiClient;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.sync.testing.ContractValidator;
import org.movedesk.sync.testing.Json;
import org.movedesk.sync.testing.TestClock;
import org.movedesk.sync.testing.TrafficRecorder;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/** The central person look-up's request and every kind of answer, against a scripted centre. */
class CentralPersonFinderTest {

    static final String PERSON = "0b7d6a0e-3c55-4b8f-a7f4-6f3f0d2a9e11";
    static final String OLD_PROFILE = "2f1c5a9e-8d7b-4c3a-9e6f-1a2b3c4d5e6f";
    static final String PROFILE = "ea5ace8e-e9ad-4ca3-9977-9bf69e3b6154";

    MockWebServer server;
    TrafficRecorder recorder;
    CentralClients clients;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        recorder = new TrafficRecorder();
        clients = clients(CentralProperties.Timeouts.defaults());
    }

    CentralClients clients(CentralProperties.Timeouts timeouts) {
        URI base = server.url("/").uri();
        TestClock clock = new TestClock(Instant.now());
        CentralProperties props = CentralProperties.of(base, base, server.url("/oauth/token").uri(), "movedesk",
                "movedesk-secret").withTimeouts(timeouts);
        return new CentralClients(props, Json.MAPPER, new SyncStatus(clock), clock, List.of(recorder));
    }

    @AfterEach
    void stop() throws IOException {
        clients.close();
        server.shutdown();
    }

    static MockResponse token() {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"access_token\":\"t1\",\"token_type\":\"bearer\",\"expires_in\":7200}");
    }

    static MockResponse people(String body) {
        return new MockResponse().setHeader("Content-Type", MovesApiClient.ACCEPT).setBody(body);
    }

    static String person(String prisonNumber) {
        return "{\"id\":\"" + PERSON + "\",\"type\":\"people\",\"attributes\":{\"first_names\":\"Ada\",\"last_name\":\"LOVELACE\","
                + "\"date_of_birth\":\"1985-03-02\",\"prison_number\":\"" + prisonNumber + "\",\"police_national_computer\":\"86/123456A\","
                + "\"gender\":\"female\"},\"relationships\":{\"profiles\":{\"data\":[{\"type\":\"profiles\",\"id\":\"" + OLD_PROFILE
                + "\"},{\"type\":\"profiles\",\"id\":\"" + PROFILE + "\"}]}}}";
    }

    @Test
    void asksForThePrisonNumberWithTheV2HeadersAndReadsThePerson() throws Exception {
        server.enqueue(token());
        server.enqueue(people("{\"data\":[" + person("A1234BC") + "],\"links\":{},\"meta\":{\"pagination\":{\"total_objects\":1}}}"));

        CentralPersonAnswer answer = new CentralPersonFinder(clients.moves()).forOperator("staff1").findByPrisonNumber(" a1234bc ");

        assertThat(answer).isEqualTo(new CentralPersonAnswer.Found(new PersonData(PERSON, "A1234BC", "86/123456A", "Ada",
                "LOVELACE", LocalDate.of(1985, 3, 2), "female", PROFILE)));
        server.takeRequest(5, TimeUnit.SECONDS); // the token
        RecordedRequest lookUp = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(lookUp.getMethod()).isEqualTo("GET");
        assertThat(lookUp.getRequestUrl().encodedPath()).isEqualTo("/api/people");
        assertThat(lookUp.getRequestUrl().queryParameter("filter[prison_number]")).isEqualTo("A1234BC");
        assertThat(lookUp.getRequestUrl().queryParameter("include")).isEqualTo("profiles");
        assertThat(lookUp.getHeader("Accept")).isEqualTo("application/vnd.api+json; version=2");
        assertThat(lookUp.getHeader("Authorization")).isEqualTo("Bearer t1");
        assertThat(lookUp.getHeader("X-Current-User")).isEqualTo("staff1");
        assertThat(ContractValidator.problems(recorder.all())).isEmpty();
    }

    @Test
    void anEmptyListOrOnlyOtherPrisonNumbersIsNotFound() {
        server.enqueue(token());
        server.enqueue(people("{\"data\":[],\"meta\":{}}"));
        server.enqueue(people("{\"data\":[" + person("A1234BD") + "]}"));
        CentralPersonFinder finder = new CentralPersonFinder(clients.moves());

        assertThat(finder.findByPrisonNumber("A1234BC")).isInstanceOf(CentralPersonAnswer.NotFound.class);
        assertThat(finder.findByPrisonNumber("A1234BC")).isInstanceOf(CentralPersonAnswer.NotFound.class);
        assertThat(finder.findByPrisonNumber("  ")).isInstanceOf(CentralPersonAnswer.NotFound.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void refusedCredentialsSayWhoCanFixThem() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":\"invalid_client\"}"));
        assertThat(new CentralPersonFinder(clients.moves()).findByPrisonNumber("A1234BC"))
                .isEqualTo(new CentralPersonAnswer.Unavailable(CentralPersonFinder.REFUSED));

        server.enqueue(token());
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"errors\":[{\"title\":\"Forbidden\"}]}"));
        assertThat(new CentralPersonFinder(clients.moves()).findByPrisonNumber("A1234BC"))
                .isEqualTo(new CentralPersonAnswer.Unavailable(CentralPersonFinder.REFUSED));
    }

    @Test
    void aServerErrorAGatewayTimeoutAndAnUnreadableBodyAreUnavailableWithAReason() {
        server.enqueue(token());
        server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"errors\":[{\"title\":\"Internal error\"}]}"));
        server.enqueue(new MockResponse().setResponseCode(504).setHeader("Content-Type", MovesApiClient.ACCEPT)
                .setBody("{\"errors\":[{\"title\":\"Nomis Timeout\"}]}"));
        server.enqueue(people("this is not json"));
        server.enqueue(people("{\"data\":{\"id\":\"x\"}}"));
        CentralPersonFinder finder = new CentralPersonFinder(clients.moves());

        assertThat(finder.findByPrisonNumber("A1234BC")).isInstanceOfSatisfying(CentralPersonAnswer.Unavailable.class,
                u -> assertThat(u.reason()).contains("HTTP 500").contains("record the person"));
        assertThat(finder.findByPrisonNumber("A1234BC")).isEqualTo(new CentralPersonAnswer.Unavailable(CentralPersonFinder.TIMED_OUT));
        assertThat(finder.findByPrisonNumber("A1234BC")).isInstanceOfSatisfying(CentralPersonAnswer.Unavailable.class,
                u -> assertThat(u.reason()).contains("could not be read"));
        assertThat(finder.findByPrisonNumber("A1234BC")).isInstanceOfSatisfying(CentralPersonAnswer.Unavailable.class,
                u -> assertThat(u.reason()).contains("could not be read"));
    }

    @Test
    void aCentreThatDoesNotAnswerInTimeIsReportedAsTooSlow() throws IOException {
        clients.close();
        clients = clients(new CentralProperties.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2)));
        server.enqueue(token());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        assertThat(new CentralPersonFinder(clients.moves()).findByPrisonNumber("A1234BC"))
                .isEqualTo(new CentralPersonAnswer.Unavailable(CentralPersonFinder.TIMED_OUT));
    }

    @Test
    void aCentreThatCannotBeReachedIsUnavailableNotAnError() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/");
        TestClock clock = new TestClock(Instant.now());
        try (CentralClients offline = new CentralClients(CentralProperties.of(nowhere, nowhere, nowhere.resolve("/oauth/token"),
                "movedesk", "movedesk-secret"), Json.MAPPER, new SyncStatus(clock), clock, List.of())) {
            assertThat(new CentralPersonFinder(offline.moves()).findByPrisonNumber("A1234BC"))
                    .isEqualTo(new CentralPersonAnswer.Unavailable(CentralPersonFinder.UNREACHABLE));
        }
    }
}
