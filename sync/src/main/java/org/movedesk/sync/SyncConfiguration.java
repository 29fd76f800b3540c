package org.movedesk.sync;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.movedesk.core.common.OutboxChanged;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.moves.CentralIdLookup;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.pull.PullService;
import org.movedesk.sync.pull.PullSettings;
import org.movedesk.sync.push.Backoff;
import org.movedesk.sync.push.CoreLocalLookup;
import org.movedesk.sync.push.MoveActionSender;
import org.movedesk.sync.push.PatientActionSender;
import org.movedesk.sync.push.PersonActionSender;
import org.movedesk.sync.push.PushSettings;
import org.movedesk.sync.push.PushWorker;
import org.movedesk.sync.status.SyncStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Sync for the application to import. The status model always exists (the status bar binds to
 * it); the clients and workers only when {@code movedesk.sync.enabled} is true (the default).
 * The engine starts with the context and stops with it, on its own threads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CentralProperties.class, SyncProperties.class})
public class SyncConfiguration {

    @Bean
    public SyncStatus syncStatus(Clock clock) {
        return new SyncStatus(clock);
    }

    /** Sync's own mapper: JSON:API documents need ISO dates and no surprises from the app's settings. */
    static ObjectMapper syncJson() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "movedesk.sync.enabled", havingValue = "true", matchIfMissing = true)
    static class Enabled {

        @Bean(destroyMethod = "close")
        CentralClients centralClients(CentralProperties configured, SyncStatus status, Clock clock,
                                      ObjectProvider<org.movedesk.core.security.SecretStore> secrets, DeskService desk) {
            // a secret saved on the admin screen lives encrypted in the store; configuration wins when it has one
            CentralProperties props = configured;
            org.movedesk.core.security.SecretStore store = secrets.getIfAvailable();
            if ((configured.clientSecret() == null || configured.clientSecret().isBlank()) && store != null) {
                props = store.reveal(org.movedesk.core.operators.Actor.system("movedesk-sync", desk.current().deskId()),
                                org.movedesk.core.security.SecretStore.CENTRAL_CLIENT_SECRET)
                        .map(String::new).map(configured::withClientSecret).orElse(configured);
            }
            CentralClients clients = new CentralClients(props, syncJson(), status, clock, List.of());
            clients.tokens().onProblemChange(() -> status.tokenProblem(clients.tokens().problem()));
            return clients;
        }

        @Bean
        CoreLocalLookup coreLocalLookup(CentralIdLookup centralIds) {
            return new CoreLocalLookup(centralIds);
        }

        @Bean
        CoreAdapters coreAdapters(ObjectProvider<org.movedesk.core.moves.MoveSyncService> moveSync,
                                  OutboxService outbox, DeskService desk,
                                  org.movedesk.core.locations.LocationService locations,
                                  org.movedesk.core.people.PersonService people,
                                  org.movedesk.core.restrictedpatients.RestrictedPatientService patients) {
            return new CoreAdapters(moveSync.getObject(), outbox, desk, locations, people, patients);
        }

        @Bean(destroyMethod = "close")
        SyncEngine syncEngine(CentralClients clients, CoreLocalLookup lookup, CoreAdapters core, OutboxService outbox,
                              SyncStatus status, SyncProperties props, Clock clock) {
            ObjectMapper json = syncJson();
            PushWorker push = new PushWorker(outbox,
                    new MoveActionSender(clients.moves(), lookup, json),
                    new PersonActionSender(clients.moves(), lookup, json),
                    new PatientActionSender(clients.patients(), json),
                    core, status, json, clock,
                    new PushSettings(props.workers(), 64, java.time.Duration.ofMillis(500),
                            new Backoff(props.backoffInitial(), props.backoffMax())));
            PullService pull = new PullService(clients.moves(), core, status, clock,
                    new PullSettings(props.pullDaysBefore(), props.pullDaysAfter(), props.pullPerPage(), props.pullInterval()));
            SyncEngine engine = new SyncEngine(push, pull, clients.moves(), status, clock, props.pullInterval(),
                    props.probeInterval());
            engine.start();
            return engine;
        }

        @Bean
        org.movedesk.sync.patients.PatientLookup patientLookup(CentralClients clients,
                org.movedesk.core.restrictedpatients.RestrictedPatientService patients, DeskService desk) {
            return new org.movedesk.sync.patients.PatientLookup(clients.patients(), patients,
                    org.movedesk.core.operators.Actor.system("movedesk-sync", desk.current().deskId()));
        }

        @Bean
        OutboxWakeUp outboxWakeUp(SyncEngine engine) {
            return new OutboxWakeUp(engine);
        }
    }

    /** A recorded action wakes the push worker at once instead of at its next poll. */
    static final class OutboxWakeUp {
        private final SyncEngine engine;

        OutboxWakeUp(SyncEngine engine) {
            this.engine = engine;
        }

        @EventListener
        public void on(OutboxChanged event) {
            engine.outboxChanged();
        }
    }
}
