package org.movedesk.sync.events;

import java.time.Clock;
import java.util.Optional;

import org.movedesk.core.common.Json;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.outbox.OutboxBulkMarks;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.sync.patients.PatientLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the event topics. The "needs attention" list is always there (the UI reads it even
 * when events are switched off); the AWS clients and the three workers only with
 * {@code movedesk.events.enabled=true}. The application imports this class.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsConfiguration {

    @Bean
    public DeadLetterStore eventDeadLetterStore(JdbcTemplate jdbc) {
        return new DeadLetterStore(jdbc);
    }

    @Bean
    public ConsumedEventLedger consumedEventLedger(JdbcTemplate jdbc) {
        return new ConsumedEventLedger(jdbc);
    }

    @Bean
    public NeedsAttentionService needsAttentionService(DeadLetterStore store, ApplicationEventPublisher events,
                                                       Clock clock) {
        return new NeedsAttentionService(store, events, clock);
    }

    @Bean
    public InboundMessageParser inboundMessageParser() {
        return new InboundMessageParser(Json.mapper());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "movedesk.events", name = "enabled", havingValue = "true")
    public static class Active {

        @Bean(destroyMethod = "close")
        public SnsClient eventsSnsClient(EventsProperties properties) {
            return EventsAwsClients.sns(properties);
        }

        @Bean(destroyMethod = "close")
        public SqsClient eventsSqsClient(EventsProperties properties) {
            return EventsAwsClients.sqs(properties);
        }

        @Bean
        @ConditionalOnMissingBean
        public ReleaseMovementLookup releaseMovementLookup(Clock clock) {
            return new EventReleaseMovementLookup(clock);
        }

        /** Reads patients from the Restricted Patients API through sync's lookup, when sync is on. */
        @Bean
        @ConditionalOnMissingBean
        public CentralPatientCache centralPatientCache(RestrictedPatientService patients,
                                                       ObjectProvider<PatientLookup> lookup) {
            return new RestrictedPatientsApiCache(patients, lookup);
        }

        @Bean
        @ConditionalOnMissingBean
        public PatientReactions patientReactions(RestrictedPatientService patients, ReleaseMovementLookup releases,
                                                 Optional<CentralPatientCache> cache) {
            return new CorePatientReactions(patients, releases, cache);
        }

        @Bean
        public OutboxTopicPublisher outboxTopicPublisher(@Qualifier("eventsSnsClient") SnsClient sns,
                                                         OutboxService outbox, EventsProperties properties,
                                                         DeskService desks, PlatformTransactionManager transactionManager,
                                                         OutboxBulkMarks bulkMarks, Clock clock) {
            OutboxTopicPublisher publisher = new OutboxTopicPublisher(sns, outbox, properties, Json.mapper(),
                    deskId(desks), clock);
            publisher.setBookkeepingTransactions(new TransactionTemplate(transactionManager));
            publisher.setBulkMarks(bulkMarks);
            publisher.setConcurrentBatches(properties.getPublishConcurrency());
            publisher.setAutoStartup(properties.isAutoStart());
            return publisher;
        }

        @Bean
        public DomainEventRouter domainEventRouter(PatientReactions reactions, ConsumedEventLedger ledger,
                                                   PlatformTransactionManager transactionManager,
                                                   EventsProperties properties, DeskService desks, Clock clock) {
            return new DomainEventRouter(reactions, ledger, new TransactionTemplate(transactionManager),
                    deskId(desks), properties.getSystemActorName(), clock);
        }

        /** The desk id never changes once the store exists, so it is read once, not per event. */
        private static java.util.function.Supplier<String> deskId(DeskService desks) {
            java.util.concurrent.atomic.AtomicReference<String> id = new java.util.concurrent.atomic.AtomicReference<>();
            return () -> {
                String known = id.get();
                if (known == null) {
                    known = desks.current().deskId();
                    id.set(known);
                }
                return known;
            };
        }

        @Bean
        public SqsEventListener sqsEventListener(@Qualifier("eventsSqsClient") SqsClient sqs,
                                                 EventsProperties properties, InboundMessageParser parser,
                                                 DomainEventRouter router, DeadLetterStore deadLetters,
                                                 ConsumedEventLedger ledger,
                                                 PlatformTransactionManager transactionManager, Clock clock) {
            SqsEventListener listener = new SqsEventListener(sqs, properties, parser, router, deadLetters, clock);
            listener.setBatchTransactions(new TransactionTemplate(transactionManager));
            listener.setAutoStartup(properties.isAutoStart());
            // SQS keeps a message 14 days at most; older keys can never be redelivered.
            listener.setHousekeeping(() -> ledger.prune(clock.instant().minus(java.time.Duration.ofDays(15))));
            return listener;
        }

        @Bean
        public DeadLetterCollector deadLetterCollector(@Qualifier("eventsSqsClient") SqsClient sqs,
                                                       EventsProperties properties, InboundMessageParser parser,
                                                       DeadLetterStore store, ApplicationEventPublisher events,
                                                       Clock clock) {
            DeadLetterCollector collector = new DeadLetterCollector(sqs, properties, parser, store, events, clock);
            collector.setAutoStartup(properties.isAutoStart());
            return collector;
        }
    }
}
