package org.movedesk.sync.events;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.testing.CoreTestApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Core's test application plus the event wiring exactly as the app imports it. */
@SpringBootConfiguration
@Import({CoreTestApplication.class, EventsConfiguration.class})
public class EventsTestApplication {

    /**
     * The cache refresh of central patient events needs the Restricted Patients API client
     * (another part of sync); here it only records what it was asked to refresh.
     */
    @Bean
    RecordingPatientCache recordingPatientCache() {
        return new RecordingPatientCache();
    }

    public static class RecordingPatientCache implements CentralPatientCache {
        public record Refresh(String prisonerNumber, String eventType, Instant occurredAt) {
        }

        public final List<Refresh> refreshed = new CopyOnWriteArrayList<>();

        @Override
        public void refresh(Actor system, String prisonerNumber, String eventType, Instant occurredAt) {
            refreshed.add(new Refresh(prisonerNumber, eventType, occurredAt));
        }
    }
}
