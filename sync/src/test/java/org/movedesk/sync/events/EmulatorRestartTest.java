package org.movedesk.sync.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.movedesk.core.common.Json;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.history.HistoryQueries;
import org.movedesk.core.history.HistoryRow;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.restrictedpatients.ReleasedToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.sync.events.emulator.ElasticMqEmulator;
import org.movedesk.sync.events.emulator.FauxqsEmulator;
import org.springframework.beans.factory.annotation.Autowired;

import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emulator (SNS + SQS, keeping its state on disk) is stopped and restarted while the desk
 * consumes events and publishes the follow-ups: the listener and the publisher keep running,
 * nothing is lost and nothing is applied twice.
 */
class EmulatorRestartTest extends EventsIntegrationTest {

    private static final int PATIENTS = 30;
    private static Path dataDir;
    private static FauxqsEmulator fauxqs;
    private static FauxqsEmulator.TopicAndQueue desk;
    private static String observerQueue;

    @Autowired
    DomainEventRouter router;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    RestrictedPatientService patients;
    @Autowired
    OutboxService outbox;
    @Autowired
    DeskService desks;
    @Autowired
    HistoryQueries history;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
    @Autowired
    org.movedesk.core.outbox.OutboxBulkMarks bulkMarks;

    @BeforeAll
    static void startEmulator() throws IOException {
        dataDir = Files.createTempDirectory("fauxqs-restart");
        fauxqs = FauxqsEmulator.start(dataDir);
        desk = fauxqs.topicWithQueue("restart-domain", "restart-desk", false);
        observerQueue = fauxqs.topicWithQueue("restart-domain", "restart-observer", true).queueUrl();
    }

    @AfterAll
    static void stopEmulator() {
        fauxqs.close();
        StoreFixture.deleteQuietly(dataDir);
    }

    private EventsProperties properties() {
        EventsProperties p = new EventsProperties();
        p.setRegion(FauxqsEmulator.REGION);
        p.setEndpoint(fauxqs.endpoint());
        p.setTopicArn(desk.topicArn());
        p.setQueueUrl(desk.queueUrl());
        p.setWaitTimeSeconds(1);
        p.setVisibilityTimeoutSeconds(2);
        p.setPollErrorDelay(Duration.ofMillis(200));
        p.setPublishBackoff(Duration.ofMillis(100));
        p.setPublishMaxBackoff(Duration.ofMillis(500));
        p.setPublishIdleDelay(Duration.ofMillis(100));
        return p;
    }

    @Test
    void nothingIsLostWhenTheEmulatorStopsAndStartsAgainMidStream() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            String number = StoreFixture.uniquePrisonNumber();
            patients.onReleasedToHospital(StoreFixture.system(), new ReleasedToHospital(number, "MDI", "HAZLWD",
                    LocalDateTime.now().minusDays(2).withNano(0), null));
            numbers.add(number);
        }
        EventsProperties properties = properties();
        SqsEventListener listener = new SqsEventListener(
                EventsAwsClients.sqs(properties, ElasticMqEmulator.credentials()), properties,
                new InboundMessageParser(Json.mapper()), router, deadLetters, Clock.systemUTC());
        listener.setBatchTransactions(new org.springframework.transaction.support.TransactionTemplate(transactionManager));
        OutboxTopicPublisher publisher = publisher(properties);
        // the central service reports each of them received back into prison
        for (int from = 0; from < numbers.size(); from += 10) {
            List<PublishBatchRequestEntry> batch = new ArrayList<>();
            for (String number : numbers.subList(from, from + 10)) {
                batch.add(PublishBatchRequestEntry.builder().id(number)
                        .message(DomainEventsEndToEndTest.domainEvent("prison-offender-events.prisoner.received",
                                Instant.now(), Map.of("nomsNumber", number)))
                        .messageAttributes(Map.of("eventType", MessageAttributeValue.builder().dataType("String")
                                .stringValue("prison-offender-events.prisoner.received").build()))
                        .build());
            }
            fauxqs.sns().publishBatch(r -> r.topicArn(desk.topicArn()).publishBatchRequestEntries(batch));
        }

        listener.start();
        publisher.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> removedCount(numbers) >= PATIENTS / 3);
            fauxqs.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.failureCount() >= 0 && !fauxqs.isRunning());
            fauxqs.restart();

            await().atMost(Duration.ofSeconds(40)).until(() -> removedCount(numbers) == PATIENTS);
            Map<String, Integer> published = new ConcurrentHashMap<>();
            await().atMost(Duration.ofSeconds(40)).until(() -> {
                for (Message m : fauxqs.sqs().receiveMessage(r -> r.queueUrl(observerQueue).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
                    fauxqs.sqs().deleteMessage(r -> r.queueUrl(observerQueue).receiptHandle(m.receiptHandle()));
                    JsonNode body = Json.read(m.body());
                    String number = body.at("/additionalInformation/prisonerNumber").asText();
                    if (numbers.contains(number)
                            && "restricted-patients.patient.removed".equals(body.path("eventType").asText())) {
                        published.merge(number, 1, Integer::sum);
                    }
                }
                return published.size() == PATIENTS;
            });
            assertThat(listener.isRunning()).isTrue();
            assertThat(publisher.isRunning()).isTrue();
            for (String number : numbers) {
                assertThat(patients.find(StoreFixture.system(), number)).isEmpty();
                assertThat(history.forPerson(StoreFixture.supervisor(), number).stream().map(HistoryRow::eventType)
                        .filter("patient.removed-on-reception"::equals)).as("removed once: %s", number).hasSize(1);
            }
            Set<String> removedEvents = new HashSet<>(published.keySet());
            assertThat(removedEvents).containsExactlyInAnyOrderElementsOf(numbers);
        } finally {
            publisher.stop();
            listener.stop();
        }
    }

    private long removedCount(List<String> numbers) {
        return numbers.stream().filter(n -> patients.find(StoreFixture.system(), n).isEmpty()).count();
    }

    /** Wired as EventsConfiguration wires it: bulk outbox marks and concurrent PublishBatch calls. */
    private OutboxTopicPublisher publisher(EventsProperties properties) {
        OutboxTopicPublisher publisher = new OutboxTopicPublisher(
                EventsAwsClients.sns(properties, ElasticMqEmulator.credentials()), outbox, properties, Json.mapper(),
                () -> desks.current().deskId(), clock);
        publisher.setBookkeepingTransactions(new org.springframework.transaction.support.TransactionTemplate(transactionManager));
        publisher.setBulkMarks(bulkMarks);
        publisher.setConcurrentBatches(properties.getPublishConcurrency());
        return publisher;
    }

    /**
     * The publish direction on its own: events recorded while the emulator is down wait in the
     * outbox while the publisher keeps failing, and reach the topic exactly once after it is back.
     */
    @Test
    void eventsRecordedWhileTheTopicIsDownArePublishedOnceItIsBack() {
        EventsProperties properties = properties();
        OutboxTopicPublisher publisher = publisher(properties);
        fauxqs.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !fauxqs.isRunning());
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            String number = StoreFixture.uniquePrisonNumber();
            patients.onReleasedToHospital(StoreFixture.system(), new ReleasedToHospital(number, "MDI", "HAZLWD",
                    LocalDateTime.now().minusDays(2).withNano(0), null));
            numbers.add(number);
        }
        publisher.start();
        try {
            // the publisher keeps trying while the topic is down: the events stay in the outbox
            await().atMost(Duration.ofSeconds(20)).until(() -> topicEntries(numbers).stream()
                    .anyMatch(e -> e.getAttempts() > 0 && e.getState() == org.movedesk.core.outbox.OutboxState.PENDING));
            assertThat(topicEntries(numbers)).noneMatch(e -> e.getState() == org.movedesk.core.outbox.OutboxState.CONFIRMED);
            fauxqs.restart();

            Map<String, Integer> perPrisoner = new ConcurrentHashMap<>();
            Set<String> eventIds = ConcurrentHashMap.newKeySet();
            await().atMost(Duration.ofSeconds(40)).until(() -> {
                for (Message m : fauxqs.sqs().receiveMessage(r -> r.queueUrl(observerQueue).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
                    fauxqs.sqs().deleteMessage(r -> r.queueUrl(observerQueue).receiptHandle(m.receiptHandle()));
                    JsonNode body = Json.read(m.body());
                    String number = body.at("/additionalInformation/prisonerNumber").asText();
                    if (numbers.contains(number)
                            && "restricted-patients.patient.added".equals(body.path("eventType").asText())) {
                        perPrisoner.merge(number, 1, Integer::sum);
                        eventIds.add(m.messageAttributes().get(OutboxTopicPublisher.EVENT_ID).stringValue());
                    }
                }
                return perPrisoner.size() == PATIENTS && topicEntries(numbers).stream()
                        .allMatch(e -> e.getState() == org.movedesk.core.outbox.OutboxState.CONFIRMED);
            });
            assertThat(perPrisoner.values()).as("each added event arrives once").containsOnly(1);
            assertThat(eventIds).hasSize(PATIENTS);
            assertThat(publisher.isRunning()).isTrue();
        } finally {
            publisher.stop();
            if (!fauxqs.isRunning()) {
                fauxqs.restart();
            }
        }
    }

    private List<org.movedesk.core.outbox.OutboxEntry> topicEntries(List<String> numbers) {
        return numbers.stream().flatMap(n -> outbox.forAggregate(org.movedesk.core.outbox.AggregateType.PATIENT, n)
                .stream()).filter(e -> e.getChannel() == org.movedesk.core.outbox.OutboxChannel.TOPIC).toList();
    }
}
