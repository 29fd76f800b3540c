package org.movedesk.sync.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.movedesk.core.common.OutboxChanged;
import org.movedesk.core.outbox.OutboxBulkMarks;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.SyncError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

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
public class OutboxTopicPublisher extends WorkerLoop {

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

    private final AtomicLong published = new AtomicLong();
    private volatile TransactionTemplate bookkeeping;
    private volatile OutboxBulkMarks bulkMarks;
    private volatile ExecutorService senders;

    public OutboxTopicPublisher(SnsClient sns, OutboxService outbox, EventsProperties properties, ObjectMapper json,
                                Supplier<String> deskId, Clock clock) {
        super("sns-publisher", 1, Duration.ofSeconds(35));
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
        List<Outgoing> candidates = new ArrayList<>();
        List<Runnable> failures = new ArrayList<>();
        for (OutboxEntry entry : ready) {
            try {
                candidates.add(toOutgoing(entry));
            } catch (IllegalArgumentException broken) {
                // Core wrote something we cannot publish; retrying cannot fix it, a person must look.
                failures.add(() -> outbox.markFailed(entry.getId(), new SyncError(null, "BAD_EVENT_PAYLOAD",
                        "Event cannot be published", broken.getMessage(), null)));
            }
        }
        applyAll(failures);
        List<Outgoing> outgoing = markInFlight(candidates);
        List<List<Outgoing>> batches = new ArrayList<>();
        for (int from = 0; from < outgoing.size(); from += SNS_BATCH) {
            batches.add(outgoing.subList(from, Math.min(outgoing.size(), from + SNS_BATCH)));
        }
        // The batches of a round go out side by side: each holds at most one entry per aggregate
        // (nextReady hands out heads only), so their order between themselves does not matter.
        List<BatchResult> results = sendAll(batches);
        Map<Long, String> confirmed = new LinkedHashMap<>();
        List<Runnable> outcomes = new ArrayList<>();
        for (BatchResult result : results) {
            confirmed.putAll(result.confirmed());
            outcomes.addAll(result.otherOutcomes());
        }
        // Confirmations of the whole round in one go; a crash before this republishes the round
        // with the same event ids, which consumers recognise.
        confirmAll(confirmed);
        applyAll(outcomes);
        published.addAndGet(confirmed.size());
        return confirmed.size();
    }

    private List<BatchResult> sendAll(List<List<Outgoing>> batches) {
        ExecutorService senders = this.senders;
        if (senders == null || batches.size() < 2) {
            return batches.stream().map(this::publishBatch).toList();
        }
        List<Future<BatchResult>> futures = new ArrayList<>(batches.size());
        for (List<Outgoing> batch : batches) {
            futures.add(senders.submit(() -> publishBatch(batch)));
        }
        List<BatchResult> results = new ArrayList<>(batches.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (ExecutionException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // Unknown whether SNS took it: the entries go again later with the same event ids.
                SyncError error = new SyncError(null, "PUBLISH_FAILED", "Publishing failed", String.valueOf(e), null);
                List<Runnable> retries = new ArrayList<>();
                batches.get(i).forEach(message -> retries.add(() -> retryLater(message.entry(), error)));
                results.add(new BatchResult(Map.of(), retries));
            }
        }
        return results;
    }

    /** Sends up to this many PublishBatch calls of a round at the same time (1 = one after another). */
    public void setConcurrentBatches(int concurrentBatches) {
        ExecutorService old = this.senders;
        this.senders = concurrentBatches <= 1 ? null : Executors.newFixedThreadPool(concurrentBatches, r -> {
            Thread t = new Thread(r, "sns-publish-batch");
            t.setDaemon(true);
            return t;
        });
        if (old != null) {
            old.shutdown();
        }
    }

    /** Marks a round in flight and confirmed with a few statements instead of two per entry. */
    public void setBulkMarks(OutboxBulkMarks bulkMarks) {
        this.bulkMarks = bulkMarks;
    }

    private void confirmAll(Map<Long, String> confirmed) {
        if (confirmed.isEmpty()) {
            return;
        }
        if (bulkMarks != null) {
            try {
                bulkMarks.markConfirmed(confirmed);
                return;
            } catch (RuntimeException e) {
                log.debug("Bulk confirmation fell back to one by one: {}", e.getMessage());
            }
        }
        List<Runnable> marks = new ArrayList<>();
        confirmed.forEach((id, messageId) -> marks.add(() -> outbox.markConfirmed(id, messageId)));
        applyAll(marks);
    }

    private record BatchResult(Map<Long, String> confirmed, List<Runnable> otherOutcomes) {
    }

    private BatchResult publishBatch(List<Outgoing> batch) {
        List<Runnable> outcomes = new ArrayList<>();
        Map<Long, String> confirmed = new LinkedHashMap<>();
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
            SyncError error = new SyncError(null, "TOPIC_UNREACHABLE", "Topic not reachable", unreachable.getMessage(),
                    null);
            batch.forEach(message -> outcomes.add(() -> retryLater(message.entry(), error)));
            log.info("Topic not reachable; {} events wait in the outbox: {}", batch.size(), unreachable.getMessage());
            return new BatchResult(confirmed, outcomes);
        }
        for (PublishBatchResultEntry ok : response.successful()) {
            Outgoing message = byBatchId.get(ok.id());
            if (message != null) {
                confirmed.put(message.entry().getId(), ok.messageId());
            }
        }
        for (BatchResultErrorEntry failed : response.failed()) {
            Outgoing message = byBatchId.get(failed.id());
            if (message == null) {
                continue;
            }
            SyncError error = new SyncError(null, failed.code(), "Topic refused the event", failed.message(), null);
            if (Boolean.TRUE.equals(failed.senderFault())) {
                outcomes.add(() -> outbox.markFailed(message.entry().getId(), error));
            } else {
                outcomes.add(() -> retryLater(message.entry(), error));
            }
        }
        return new BatchResult(confirmed, outcomes);
    }

    /** Marks the entries in flight (in one transaction when possible); returns those that were marked. */
    private List<Outgoing> markInFlight(List<Outgoing> candidates) {
        if (bulkMarks != null && !candidates.isEmpty()) {
            try {
                java.util.Set<Long> marked = new java.util.HashSet<>(bulkMarks.markInFlight(
                        candidates.stream().map(message -> message.entry().getId()).toList()));
                return candidates.stream().filter(message -> marked.contains(message.entry().getId())).toList();
            } catch (RuntimeException e) {
                log.debug("Bulk marking in flight fell back to one by one: {}", e.getMessage());
            }
        }
        if (bookkeeping != null && candidates.size() > 1) {
            try {
                bookkeeping.executeWithoutResult(status ->
                        candidates.forEach(message -> outbox.markInFlight(message.entry().getId())));
                return candidates;
            } catch (RuntimeException e) {
                log.debug("Marking in flight fell back to one by one: {}", e.getMessage());
            }
        }
        List<Outgoing> marked = new ArrayList<>();
        for (Outgoing message : candidates) {
            try {
                outbox.markInFlight(message.entry().getId());
                marked.add(message);
            } catch (RuntimeException e) {
                // changed meanwhile (e.g. discarded by an operator): not ours to publish any more
                log.info("Outbox entry {} not published: {}", message.entry().getId(), e.getMessage());
            }
        }
        return marked;
    }

    /**
     * Runs the outbox bookkeeping of a round in one transaction when a template is set (one
     * commit instead of one per entry); if that fails, entry by entry, so one odd entry cannot
     * hold back the others.
     */
    private void applyAll(List<Runnable> marks) {
        if (bookkeeping != null && marks.size() > 1) {
            try {
                bookkeeping.executeWithoutResult(status -> marks.forEach(Runnable::run));
                return;
            } catch (RuntimeException e) {
                log.debug("Outbox bookkeeping fell back to one by one: {}", e.getMessage());
            }
        }
        for (Runnable mark : marks) {
            try {
                mark.run();
            } catch (RuntimeException e) {
                log.warn("Outbox bookkeeping failed for one entry: {}", e.getMessage());
            }
        }
    }

    /** Groups the per-entry outbox calls of a round into one transaction (see {@link #applyAll}). */
    public void setBookkeepingTransactions(TransactionTemplate bookkeeping) {
        this.bookkeeping = bookkeeping;
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
        wakeUp();
    }


    @Override
    protected Duration round() {
        return publishReady() > 0 ? Duration.ZERO : properties.getPublishIdleDelay();
    }

    @Override
    protected Duration onFailure(RuntimeException e) {
        log.error("Publishing round failed; trying again shortly", e);
        return properties.getPublishIdleDelay();
    }

    private record Outgoing(OutboxEntry entry, String eventId, String eventType, String body, String groupId) {
    }
}
