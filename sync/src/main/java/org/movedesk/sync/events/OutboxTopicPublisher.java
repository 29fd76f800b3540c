package org.movedesk.sync.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.movedesk.core.common.OutboxChanged;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.SyncError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

/**
 * Drains the outbox's TOPIC channel to the SNS domain topic. Core wrote each event in the
 * same transaction as the action, so a rolled-back action has nothing here, and an event
 * waits here while the topic is unreachable. {@code nextReady} hands out only the head entry
 * of each move or patient, so events of one aggregate go out in order; the stable
 * {@code eventId} travels as a message attribute (and as the FIFO deduplication id), so a
 * retry after a lost answer is recognisable downstream.
 */
public class OutboxTopicPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxTopicPublisher.class);

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    /** Lets a desk recognise (and skip) its own events coming back on the subscribed queue. */
    public static final String SOURCE_DESK = "sourceDesk";

    /** SNS takes at most 10 entries per PublishBatch. */
    private static final int SNS_BATCH = 10;

    private final SnsClient sns;
    private final OutboxService outbox;
    private final EventsProperties properties;
    private final ObjectMapper json;
    private final Supplier<String> deskId;
    private final Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean autoStartup = true;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private Thread worker;

    public OutboxTopicPublisher(SnsClient sns, OutboxService outbox, EventsProperties properties, ObjectMapper json,
                                Supplier<String> deskId, Clock clock) {
        this.sns = sns;
        this.outbox = outbox;
        this.properties = properties;
        this.json = json;
        this.deskId = deskId;
        this.clock = clock;
    }

    /**
     * Publishes what is ready now, one round.
     *
     * @return how many events the topic accepted
     */
    public int publishReady() {
        List<OutboxEntry> ready = outbox.nextReady(OutboxChannel.TOPIC, properties.getPublishBatchSize(), clock.instant());
        if (ready.isEmpty()) {
            return 0;
        }
        List<Outgoing> outgoing = new ArrayList<>();
        for (OutboxEntry entry : ready) {
            Outgoing message;
            try {
                message = toOutgoing(entry);
            } catch (IllegalArgumentException broken) {
                // Core wrote something we cannot publish; retrying cannot fix it, a person must look.
                outbox.markFailed(entry.getId(), new SyncError(null, "BAD_EVENT_PAYLOAD", "Event cannot be published",
                        broken.getMessage(), null));
                continue;
            }
            outbox.markInFlight(entry.getId());
            outgoing.add(message);
        }
        int accepted = 0;
        for (int from = 0; from < outgoing.size(); from += SNS_BATCH) {
            accepted += publishBatch(outgoing.subList(from, Math.min(outgoing.size(), from + SNS_BATCH)));
        }
        published.addAndGet(accepted);
        return accepted;
    }

    private int publishBatch(List<Outgoing> batch) {
        Map<String, Outgoing> byBatchId = new HashMap<>();
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (Outgoing message : batch) {
            String batchId = "e" + message.entry().getId();
            byBatchId.put(batchId, message);
            PublishBatchRequestEntry.Builder request = PublishBatchRequestEntry.builder()
                    .id(batchId)
                    .message(message.body())
                    .messageAttributes(attributes(message));
            if (properties.fifoTopic()) {
                request.messageGroupId(message.groupId()).messageDeduplicationId(message.eventId());
            }
            entries.add(request.build());
        }
        PublishBatchResponse response;
        try {
            response = sns.publishBatch(r -> r.topicArn(properties.getTopicArn()).publishBatchRequestEntries(entries));
        } catch (SdkException unreachable) {
            for (Outgoing message : batch) {
                retryLater(message.entry(), new SyncError(null, "TOPIC_UNREACHABLE", "Topic not reachable",
                        unreachable.getMessage(), null));
            }
            log.info("Topic not reachable; {} events wait in the outbox: {}", batch.size(), unreachable.getMessage());
            return 0;
        }
        int accepted = 0;
        for (PublishBatchResultEntry ok : response.successful()) {
            Outgoing message = byBatchId.get(ok.id());
            if (message != null) {
                outbox.markConfirmed(message.entry().getId(), ok.messageId());
                accepted++;
            }
        }
        for (BatchResultErrorEntry failed : response.failed()) {
            Outgoing message = byBatchId.get(failed.id());
            if (message == null) {
                continue;
            }
            SyncError error = new SyncError(null, failed.code(), "Topic refused the event", failed.message(), null);
            if (Boolean.TRUE.equals(failed.senderFault())) {
                outbox.markFailed(message.entry().getId(), error);
            } else {
                retryLater(message.entry(), error);
            }
        }
        return accepted;
    }

    private void retryLater(OutboxEntry entry, SyncError error) {
        outbox.scheduleRetry(entry.getId(), clock.instant().plus(backoff(entry.getAttempts() + 1)), error);
    }

    /** 1 s, 2 s, 4 s ... up to the configured maximum. */
    Duration backoff(int attempt) {
        Duration base = properties.getPublishBackoff();
        int doublings = Math.min(Math.max(attempt - 1, 0), 20);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(properties.getPublishMaxBackoff()) > 0 ? properties.getPublishMaxBackoff() : wait;
    }

    private Map<String, MessageAttributeValue> attributes(Outgoing message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(EVENT_TYPE, text(message.eventType()));
        attributes.put(EVENT_ID, text(message.eventId()));
        String desk = deskId.get();
        if (desk != null && !desk.isBlank()) {
            attributes.put(SOURCE_DESK, text(desk));
        }
        return attributes;
    }

    private Outgoing toOutgoing(OutboxEntry entry) {
        JsonNode payload;
        try {
            payload = json.readTree(entry.getPayload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox entry " + entry.getId() + " payload is not JSON: "
                    + e.getOriginalMessage());
        }
        String eventId = text(payload, "eventId", entry);
        String eventType = text(payload, "eventType", entry);
        JsonNode message = payload.get("message");
        String body;
        if (message == null || message.isNull()) {
            throw new IllegalArgumentException("Outbox entry " + entry.getId() + " has no message to publish");
        } else if (message.isTextual()) {
            body = message.asText();
        } else if (message.isObject()) {
            try {
                body = json.writeValueAsString(message);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Outbox entry " + entry.getId() + " message cannot be written", e);
            }
        } else {
            throw new IllegalArgumentException("Outbox entry " + entry.getId() + " message must be a JSON object");
        }
        String groupId = entry.getAggregateType().name() + ":" + entry.getAggregateId();
        return new Outgoing(entry, eventId, eventType, body, groupId);
    }

    private static String text(JsonNode payload, String field, OutboxEntry entry) {
        JsonNode node = payload.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException("Outbox entry " + entry.getId() + " has no " + field);
        }
        return node.asText();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    public long publishedCount() {
        return published.get();
    }

    /** Core announces new outbox entries after commit; publish them without waiting for the idle delay. */
    @EventListener
    public void onOutboxChanged(OutboxChanged changed) {
        wakeUp.release();
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        worker = new Thread(this::loop, "sns-publisher");
        worker.setDaemon(true);
        worker.start();
    }

    private void loop() {
        while (running.get()) {
            int done;
            try {
                done = publishReady();
            } catch (RuntimeException e) {
                log.error("Publishing round failed; trying again shortly", e);
                done = 0;
            }
            if (done == 0) {
                try {
                    wakeUp.tryAcquire(properties.getPublishIdleDelay().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        wakeUp.release();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(35));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private record Outgoing(OutboxEntry entry, String eventId, String eventType, String body, String groupId) {
    }
}
