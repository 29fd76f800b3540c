package org.movedesk.sync.events;

import java.time.Clock;
import java.util.List;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.testing.CoreTestApplication;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.patients.PatientLookup;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.sync.testing.Json;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

/**
 * Core's test application plus the event wiring exactly as the app imports it, and the part of
 * sync the central patient events need: the Restricted Patients API of a sandbox on loopback,
 * read through sync's own {@link PatientLookup}. The sandbox starts only when a test first
 * touches it (lazy), so the tests that never look a patient up do not pay for it.
 */
@SpringBootConfiguration
@Import({CoreTestApplication.class, EventsConfiguration.class})
public class EventsTestApplication {

    @Bean(destroyMethod = "close")
    @Lazy
    Sandbox centralSandbox() {
        return Sandbox.start(SandboxConfig.builder().people(40).moves(0).build());
    }

    @Bean(destroyMethod = "close")
    @Lazy
    CentralClients centralClients(Sandbox sandbox, Clock clock) {
        CentralProperties props = CentralProperties.of(sandbox.baseUri(), sandbox.baseUri(),
                sandbox.baseUri().resolve("/oauth/token"), sandbox.config().clientId(), sandbox.config().clientSecret());
        return new CentralClients(props, Json.MAPPER, new SyncStatus(clock), clock, List.of());
    }

    @Bean
    @Lazy
    PatientLookup patientLookup(CentralClients clients, RestrictedPatientService patients) {
        return new PatientLookup(clients.patients(), patients, Actor.system("movedesk-sync", "test-desk"));
    }
}
