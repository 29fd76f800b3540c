package org.movedesk.sync.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.movedesk.core.history.timeline.CentralTimelineEvent;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.sync.testing.Json;
import org.movedesk.sync.testing.TestClock;

/** The central timeline of a move, read from the sandbox over real loopback HTTP. */
class CentralMoveTimelineTest {

    static Sandbox sandbox;
    static CentralClients clients;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().people(40).moves(30).build());
        clients = clients(sandbox.baseUri());
    }

    static CentralClients clients(URI central) {
        TestClock clock = new TestClock(Instant.now());
        CentralProperties props = CentralProperties.of(central, central, central.resolve("/oauth/token"), "movedesk",
                "movedesk-secret");
        return new CentralClients(props, Json.MAPPER, new SyncStatus(clock), clock, List.of());
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void aMovesTimelineComesBackOldestFirstWithTheCentralEventTypes() throws Exception {
        SandboxState.MoveSnapshot requested = sandbox.state().moves().stream()
                .filter(m -> m.status().equals("requested")).findFirst().orElseThrow();
        var accept = Json.MAPPER.readTree("{\"data\":{\"type\":\"accepts\",\"attributes\":{\"timestamp\":\""
                + java.time.OffsetDateTime.now().withNano(0) + "\"}}}");
        assertThat(clients.moves().moveEvent(requested.id().toString(), "accept", accept, UUID.randomUUID(), null).status())
                .isEqualTo(204);
        SandboxState.MoveSnapshot move = sandbox.state().moves().stream()
                .filter(m -> m.id().equals(requested.id())).findFirst().orElseThrow();
        assertThat(move.timeline()).isNotEmpty();

        Optional<List<CentralTimelineEvent>> events = new CentralMoveTimeline(clients.moves()).fetch(move.id().toString());

        assertThat(events).isPresent();
        assertThat(events.get()).extracting(CentralTimelineEvent::eventType)
                .containsExactlyInAnyOrderElementsOf(move.timeline());
        assertThat(events.get()).isSortedAccordingTo(java.util.Comparator.comparing(CentralTimelineEvent::occurredAt));
        assertThat(events.get()).allSatisfy(e -> assertThat(e.id()).isNotBlank());
    }

    @Test
    void aMoveTheCentreDoesNotKnowHasAnEmptyTimeline() {
        assertThat(new CentralMoveTimeline(clients.moves()).fetch(UUID.randomUUID().toString())).contains(List.of());
    }

    @Test
    void whenTheCentreCannotBeReachedTheAnswerIsCouldNotAsk() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (CentralClients offline = clients(URI.create("http://127.0.0.1:" + closedPort + "/"))) {
            assertThat(new CentralMoveTimeline(offline.moves()).fetch(UUID.randomUUID().toString())).isEmpty();
        }
    }

    @Test
    void anEventWithoutATimeIsSkippedNotFatal() throws Exception {
        var document = Json.MAPPER.readTree("""
                {"data":{"id":"m","type":"moves"},"included":[
                 {"id":"1","type":"events","attributes":{"event_type":"MoveAccept","occurred_at":"2026-11-25T10:00:00+00:00","details":{"a":1}}},
                 {"id":"2","type":"events","attributes":{"event_type":"MoveStart"}},
                 {"id":"3","type":"locations","attributes":{}}]}""");
        assertThat(CentralMoveTimeline.events(document)).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("a", "1"));
    }
}
