package org.movedesk.sync.events.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.movedesk.core.common.Json;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.history.HistoryQueries;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.restrictedpatients.ReleasedToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.store.StoreUrl;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.sync.events.ConsumedEventLedger;
import org.movedesk.sync.events.DeadLetterStore;
import org.movedesk.sync.events.DomainEventRouter;
import org.movedesk.sync.events.EventsAwsClients;
import org.movedesk.sync.events.EventsProperties;
import org.movedesk.sync.events.EventsTestApplication;
import org.movedesk.sync.events.InboundMessageParser;
import org.movedesk.sync.events.OutboxTopicPublisher;
import org.movedesk.sync.events.SqsEventListener;
import org.movedesk.sync.events.emulator.ElasticMqEmulator;
import org.movedesk.sync.events.emulator.FauxqsEmulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Consumes N "prisoner received" events for N restricted patients through the real listener,
 * router and core (each removes a patient, writes history and queues a removed event), then
 * publishes the N removed events from the outbox through SNS to a subscribed queue, all through
 * fauxqs on loopback. Prints events/s each way and checks exactly once.
 *
 * <pre>bash scripts/bench-events.sh [events] [listener threads]</pre>
 */
public final class EventsBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int listenerThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int endToEnd = args.length > 2 ? Integer.parseInt(args[2]) : events;
        Path store = Files.createTempDirectory("movedesk-events-bench");
        System.setProperty("aws.accessKeyId", "bench");
        System.setProperty("aws.secretAccessKey", "bench");

        try (FauxqsEmulator fauxqs = FauxqsEmulator.start()) {
            FauxqsEmulator.TopicAndQueue domain = fauxqs.topicWithQueue("bench-domain", "bench-desk", false);
            String observer = fauxqs.topicWithQueue("bench-domain", "bench-observer", true).queueUrl();
            fauxqs.sqs().purgeQueue(r -> r.queueUrl(domain.queueUrl()));

            SpringApplication app = new SpringApplication(EventsTestApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            Map<String, Object> props = new HashMap<>();
            props.put("spring.datasource.url", StoreUrl.forDirectory(store));
            props.put("movedesk.events.enabled", "true");
            props.put("movedesk.events.auto-start", "false");
            props.put("movedesk.events.region", FauxqsEmulator.REGION);
            props.put("movedesk.events.endpoint", fauxqs.endpoint().toString());
            props.put("movedesk.events.topic-arn", domain.topicArn());
            props.put("movedesk.events.queue-url", domain.queueUrl());
            props.put("logging.level.root", "WARN");
            props.put("logging.level.org.movedesk", "WARN");
            app.setDefaultProperties(props);
            try (ConfigurableApplicationContext context = app.run()) {
                run(context, fauxqs, domain, observer, events, endToEnd, listenerThreads);
            }
        } finally {
            StoreFixture.deleteQuietly(store);
        }
    }

    private static void run(ConfigurableApplicationContext context, FauxqsEmulator fauxqs,
                            FauxqsEmulator.TopicAndQueue domain, String observer, int transportEvents, int events,
                            int listenerThreads) {
        RestrictedPatientService patients = context.getBean(RestrictedPatientService.class);
        OutboxService outbox = context.getBean(OutboxService.class);
        DeskService desks = context.getBean(DeskService.class);
        ConsumedEventLedger ledger = context.getBean(ConsumedEventLedger.class);
        context.getBean(StoreFixture.class).seed();
        transport(context, fauxqs, domain, observer, transportEvents, listenerThreads);

        System.out.printf("setting up %,d restricted patients ...%n", events);
        List<String> numbers = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            String number = String.format("%s%04d%s", (char) ('A' + i / 10_000 % 26), i % 10_000, "BZ");
            patients.onReleasedToHospital(StoreFixture.system(), new ReleasedToHospital(number, "MDI", "HAZLWD",
                    LocalDateTime.now().minusDays(1).withNano(0), null));
            numbers.add(number);
        }
        // the setup's own "added" events are published first, outside the measurement
        EventsProperties properties = new EventsProperties();
        properties.setRegion(FauxqsEmulator.REGION);
        properties.setEndpoint(fauxqs.endpoint());
        properties.setTopicArn(domain.topicArn());
        properties.setQueueUrl(domain.queueUrl());
        properties.setWaitTimeSeconds(1);
        properties.setListenerThreads(listenerThreads);
        properties.setPublishBatchSize(200);
        SnsClient sns = EventsAwsClients.sns(properties, ElasticMqEmulator.credentials());
        SqsClient sqs = EventsAwsClients.sqs(properties, ElasticMqEmulator.credentials());
        OutboxTopicPublisher publisher = new OutboxTopicPublisher(sns, outbox, properties, Json.mapper(),
                () -> desks.current().deskId(), Clock.systemUTC());
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(
                        context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        publisher.setBookkeepingTransactions(tx);
        publisher.setBulkMarks(context.getBean(org.movedesk.core.outbox.OutboxBulkMarks.class));
        publisher.setConcurrentBatches(properties.getPublishConcurrency());
        drainOutbox(outbox, publisher);
        fauxqs.sqs().purgeQueue(r -> r.queueUrl(domain.queueUrl()));
        fauxqs.sqs().purgeQueue(r -> r.queueUrl(observer));

        // ---- the floor: core's own reaction, called directly (no queue, no router)
        int floorCount = Math.max(100, events / 20);
        List<String> floor = new ArrayList<>();
        for (int i = 0; i < floorCount; i++) {
            String number = String.format("%s%04d%s", (char) ('A' + i / 10_000 % 26), i % 10_000, "FL");
            patients.onReleasedToHospital(StoreFixture.system(), new ReleasedToHospital(number, "MDI", "HAZLWD",
                    LocalDateTime.now().minusDays(1).withNano(0), null));
            floor.add(number);
        }
        long floorStart = System.nanoTime();
        for (String number : floor) {
            patients.onPrisonerReceived(StoreFixture.system(), number);
        }
        double floorSeconds = (System.nanoTime() - floorStart) / 1e9;
        System.out.printf("FLOOR    core onPrisonerReceived called directly, one transaction each: %,d in %.2f s = %,.0f/s%n",
                floorCount, floorSeconds, floorCount / floorSeconds);
        drainOutbox(outbox, publisher);
        fauxqs.sqs().purgeQueue(r -> r.queueUrl(domain.queueUrl()));
        fauxqs.sqs().purgeQueue(r -> r.queueUrl(observer));

        // ---- consume
        System.out.printf("loading %,d prisoner-received events onto the queue ...%n", events);
        for (int from = 0; from < events; from += 10) {
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (int i = from; i < Math.min(events, from + 10); i++) {
                String body = "{\"eventType\":\"prison-offender-events.prisoner.received\",\"version\":1,"
                        + "\"occurredAt\":\"" + Instant.now() + "\",\"additionalInformation\":{\"nomsNumber\":\""
                        + numbers.get(i) + "\"}}";
                batch.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(body)
                        .messageAttributes(Map.of("eventId", MessageAttributeValue.builder().dataType("String")
                                .stringValue("bench-" + i).build())).build());
            }
            sqs.sendMessageBatch(r -> r.queueUrl(domain.queueUrl()).entries(batch));
        }
        long consumedBefore = ledger.consumedCount();
        SqsEventListener listener = new SqsEventListener(sqs, properties, new InboundMessageParser(Json.mapper()),
                context.getBean(DomainEventRouter.class), context.getBean(DeadLetterStore.class), Clock.systemUTC());
        listener.setBatchTransactions(tx);
        long start = System.nanoTime();
        listener.start();
        while (ledger.consumedCount() - consumedBefore < events) {
            pause();
        }
        double consumeSeconds = (System.nanoTime() - start) / 1e9;
        listener.stop();
        long stillPatients = numbers.stream().filter(n -> patients.find(StoreFixture.system(), n).isPresent()).count();
        long removedHistory = context.getBean(HistoryQueries.class).forPerson(StoreFixture.supervisor(), numbers.get(0))
                .stream().filter(h -> h.eventType().equals("patient.removed-on-reception")).count();
        System.out.printf("CONSUME  %,d events in %.2f s = %,.0f events/s (%d listener threads); "
                        + "patients left %d, failures %d, removed-history rows for one prisoner %d%n",
                events, consumeSeconds, events / consumeSeconds, listenerThreads, stillPatients,
                listener.failureCount(), removedHistory);

        // ---- publish
        int ready = outbox.list(org.movedesk.core.outbox.OutboxState.PENDING, events * 2).size();
        start = System.nanoTime();
        drainOutbox(outbox, publisher);
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("PUBLISH  %,d events in %.2f s = %,.0f events/s (outbox PENDING before: %,d)%n",
                events, publishSeconds, events / publishSeconds, ready);

        // ---- exactly once on the subscribed queue
        Set<String> eventIds = new HashSet<>();
        Set<String> prisoners = new HashSet<>();
        int received = 0;
        long idleSince = System.nanoTime();
        while (System.nanoTime() - idleSince < Duration.ofSeconds(3).toNanos()) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(observer).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (!messages.isEmpty()) {
                idleSince = System.nanoTime();
            }
            for (Message m : messages) {
                JsonNode body = Json.read(m.body());
                if ("restricted-patients.patient.removed".equals(body.path("eventType").asText())) {
                    received++;
                    eventIds.add(m.messageAttributes().get("eventId").stringValue());
                    prisoners.add(body.at("/additionalInformation/prisonerNumber").asText());
                }
            }
            List<software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                deletes.add(software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder()
                        .id("d" + i).receiptHandle(messages.get(i).receiptHandle()).build());
            }
            if (!deletes.isEmpty()) {
                sqs.deleteMessageBatch(r -> r.queueUrl(observer).entries(deletes));
            }
        }
        boolean exactlyOnce = received == events && eventIds.size() == events && prisoners.containsAll(numbers);
        System.out.printf("CHECK    removed events on the subscribed queue: %,d, distinct eventIds %,d, "
                + "distinct prisoners %,d -> exactly once: %s%n", received, eventIds.size(), prisoners.size(), exactlyOnce);
        System.out.printf("CHECK    consumed: applied %,d of %,d, patients left %d -> exactly once: %s%n",
                ledger.consumedCount() - consumedBefore, events, stillPatients,
                stillPatients == 0 && removedHistory == 1);
        sns.close();
        sqs.close();
    }

    /**
     * The event plumbing alone: N messages through the listener whose handler only does the
     * exactly-once bookkeeping (de-duplication key in H2, one transaction per receive), and N
     * events through SNS PublishBatch to the subscribed queue.
     */
    private static void transport(ConfigurableApplicationContext context, FauxqsEmulator fauxqs,
                                  FauxqsEmulator.TopicAndQueue domain, String observer, int events,
                                  int listenerThreads) {
        ConsumedEventLedger ledger = context.getBean(ConsumedEventLedger.class);
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(
                        context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        EventsProperties properties = new EventsProperties();
        properties.setRegion(FauxqsEmulator.REGION);
        properties.setEndpoint(fauxqs.endpoint());
        properties.setTopicArn(domain.topicArn());
        properties.setQueueUrl(domain.queueUrl());
        properties.setWaitTimeSeconds(1);
        properties.setListenerThreads(listenerThreads);
        SqsClient sqs = EventsAwsClients.sqs(properties, ElasticMqEmulator.credentials());
        SnsClient sns = EventsAwsClients.sns(properties, ElasticMqEmulator.credentials());
        String run = Long.toString(System.nanoTime(), 36);
        for (int from = 0; from < events; from += 10) {
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (int i = from; i < Math.min(events, from + 10); i++) {
                batch.add(SendMessageBatchRequestEntry.builder().id("t" + i)
                        .messageBody("{\"eventType\":\"bench.transport\",\"n\":" + i + "}")
                        .messageAttributes(Map.of("eventId", MessageAttributeValue.builder().dataType("String")
                                .stringValue(run + "-" + i).build())).build());
            }
            sqs.sendMessageBatch(r -> r.queueUrl(domain.queueUrl()).entries(batch));
        }
        long before = ledger.consumedCount();
        SqsEventListener listener = new SqsEventListener(sqs, properties, new InboundMessageParser(Json.mapper()),
                event -> tx.execute(status -> {
                    if (ledger.alreadyConsumed(event.dedupKey())) {
                        return org.movedesk.sync.events.EventOutcome.DUPLICATE;
                    }
                    ledger.remember(event.dedupKey(), event.eventType(),
                            org.movedesk.sync.events.EventOutcome.APPLIED, Instant.now());
                    return org.movedesk.sync.events.EventOutcome.APPLIED;
                }),
                context.getBean(DeadLetterStore.class), Clock.systemUTC());
        listener.setBatchTransactions(tx);
        long start = System.nanoTime();
        listener.start();
        while (ledger.consumedCount() - before < events) {
            pause();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        listener.stop();
        System.out.printf("TRANSPORT consume %,d events in %.2f s = %,.0f events/s (applied %,d, %d listener threads)%n",
                events, seconds, events / seconds, ledger.consumedCount() - before, listenerThreads);

        fauxqs.sqs().purgeQueue(r -> r.queueUrl(observer));
        start = System.nanoTime();
        for (int from = 0; from < events; from += 10) {
            List<software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry> batch = new ArrayList<>();
            for (int i = from; i < Math.min(events, from + 10); i++) {
                batch.add(software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry.builder().id("p" + i)
                        .message("{\"eventType\":\"bench.transport\",\"n\":" + i + "}").build());
            }
            sns.publishBatch(r -> r.topicArn(domain.topicArn()).publishBatchRequestEntries(batch));
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("TRANSPORT publish %,d events in %.2f s = %,.0f events/s (SNS PublishBatch of 10)%n",
                events, seconds, events / seconds);
        fauxqs.sqs().purgeQueue(r -> r.queueUrl(observer));
        fauxqs.sqs().purgeQueue(r -> r.queueUrl(domain.queueUrl()));
        sqs.close();
        sns.close();
    }

    private static void drainOutbox(OutboxService outbox, OutboxTopicPublisher publisher) {
        while (!outbox.nextReady(OutboxChannel.TOPIC, 1, Instant.now().plusSeconds(3600)).isEmpty()) {
            if (publisher.publishReady() == 0) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20); // a benchmark driver polling a counter, not test synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
