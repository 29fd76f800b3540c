package org.movedesk.sync.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.movedesk.core.people.CentralPersonAnswer;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.sync.testing.Json;
import org.movedesk.sync.testing.TestClock;

/** The central person look-up against the sandbox over real loopback HTTP (token, JSON:API, includes). */
class CentralPersonFinderSandboxTest {

    static Sandbox sandbox;
    static CentralClients clients;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().people(30).moves(10).build());
        URI central = sandbox.baseUri();
        TestClock clock = new TestClock(Instant.now());
        clients = new CentralClients(CentralProperties.of(central, central, central.resolve("/oauth/token"), "movedesk",
                "movedesk-secret"), Json.MAPPER, new SyncStatus(clock), clock, List.of());
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void findsAPersonTheSandboxKnowsWithTheirProfile() {
        SandboxState.PersonSnapshot known = sandbox.state().people().stream()
                .filter(p -> p.prisonNumber() != null && !p.profileIds().isEmpty()).findFirst().orElseThrow();

        CentralPersonAnswer answer = new CentralPersonFinder(clients.moves()).forOperator("staff")
                .findByPrisonNumber(known.prisonNumber().toLowerCase());

        assertThat(answer).isInstanceOfSatisfying(CentralPersonAnswer.Found.class, found -> {
            assertThat(found.person().centralId()).isEqualTo(known.id().toString());
            assertThat(found.person().prisonNumber()).isEqualTo(known.prisonNumber());
            assertThat(found.person().lastName()).isEqualTo(known.lastName());
            assertThat(found.person().firstNames()).isEqualTo(known.firstNames());
            assertThat(found.person().dateOfBirth()).isEqualTo(known.dateOfBirth());
            assertThat(known.profileIds()).extracting(Object::toString).contains(found.person().profileCentralId());
        });
    }

    @Test
    void aPrisonNumberTheSandboxDoesNotKnowIsNotFound() {
        String unknown = "Z9999ZZ";
        assertThat(sandbox.state().personByPrisonNumber(unknown)).isEmpty();
        assertThat(new CentralPersonFinder(clients.moves()).findByPrisonNumber(unknown))
                .isInstanceOf(CentralPersonAnswer.NotFound.class);
    }
}
