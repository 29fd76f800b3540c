package org.movedesk.sync.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Long-polls the queue subscribed to the domain topic and hands each message to the
 * {@link InboundEventHandler}. A message is deleted only after the handler returned, i.e.
 * after its change committed. Nothing a message contains can stop the loop: poison goes to
 * the dead-letter queue with its reason, failures are retried by SQS with growing visibility
 * timeouts and end in the dead-letter queue after {@code max-receive-count} tries.
 */
public class SqsEventListener extends WorkerLoop {

    private static final Logger log = LoggerFactory.getLogger(SqsEventListener.class);

    /** Attribute we add when we move a poison message to the DLQ ourselves. */
    public static final String FAILURE_REASON = "failureReason";
    public static final String SOURCE_MESSAGE_ID = "sourceMessageId";

    private final SqsClient sqs;
    private final EventsProperties properties;
    private final InboundMessageParser parser;
    private final InboundEventHandler handler;
    private final DeadLetterStore deadLetters;
    private final Clock clock;

    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Runnable housekeeping = () -> { };
    private volatile long nextHousekeeping;
    private volatile TransactionTemplate batchTransactions;

    public SqsEventListener(SqsClient sqs, EventsProperties properties, InboundMessageParser parser,
                            InboundEventHandler handler, DeadLetterStore deadLetters, Clock clock) {
        // a worker finishes its current long poll and batch before it stops
        super("sqs-events", properties.getListenerThreads(), Duration.ofSeconds(properties.getWaitTimeSeconds() + 5L));
        this.sqs = sqs;
        this.properties = properties;
        this.parser = parser;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /**
     * One receive (long poll) and the handling of everything it returned.
     *
     * @return the number of messages received
     * @throws SdkException when the queue cannot be reached (the loop waits and tries again)
     */
    public int pollOnce() {
        List<Message> received = new ArrayList<>(receive(properties.getWaitTimeSeconds()));
        // A full receive means more is waiting: take a few more at once (no waiting) so that one
        // transaction and one hand-over of core's history head cover up to messages-per-transaction.
        int last = received.size();
        while (batchTransactions != null && last >= properties.getMaxMessages()
                && received.size() + properties.getMaxMessages() <= properties.getMessagesPerTransaction()) {
            List<Message> more = receive(0);
            received.addAll(more);
            last = more.size();
        }
        List<Message> toDelete = new ArrayList<>();
        List<Message> remaining = new ArrayList<>(received);
        if (batchTransactions != null && remaining.size() > 1 && handleAllInOneTransaction(remaining)) {
            toDelete.addAll(remaining);
            remaining.clear();
        }
        for (Message message : remaining) {
            if (handleOne(message)) {
                toDelete.add(message);
            }
        }
        for (int from = 0; from < toDelete.size(); from += 10) {
            delete(toDelete.subList(from, Math.min(toDelete.size(), from + 10)));
        }
        return received.size();
    }

    private List<Message> receive(int waitSeconds) {
        ReceiveMessageResponse response = sqs.receiveMessage(r -> r
                .queueUrl(properties.getQueueUrl())
                .maxNumberOfMessages(properties.getMaxMessages())
                .waitTimeSeconds(waitSeconds)
                .visibilityTimeout(properties.getVisibilityTimeoutSeconds())
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        return response.messages();
    }

    /**
     * The fast path: a whole receive applied in one transaction (one commit instead of ten).
     * Anything unusual in it (poison, a failure) rolls it all back and the batch is handled
     * message by message, so the outcome is exactly what the slow path gives.
     */
    private boolean handleAllInOneTransaction(List<Message> messages) {
        List<InboundEvent> events = new ArrayList<>(messages.size());
        for (Message message : messages) {
            if (receiveCount(message) > 1) {
                return false;
            }
            try {
                events.add(parser.parse(message));
            } catch (PoisonMessageException poison) {
                return false;
            }
        }
        try {
            batchTransactions.executeWithoutResult(status -> handler.handleAll(events));
        } catch (RuntimeException anyFailure) {
            log.debug("Batch of {} fell back to one by one: {}", events.size(), anyFailure.getMessage());
            return false;
        }
        handled.addAndGet(events.size());
        return true;
    }

    /**
     * Applies each receive's messages in one transaction when they all go through; the router's
     * own transactions join it. Null (the default) applies every message in its own transaction.
     */
    public void setBatchTransactions(TransactionTemplate batchTransactions) {
        this.batchTransactions = batchTransactions;
    }

    /** @return true when the message is done with and may be deleted */
    private boolean handleOne(Message message) {
        InboundEvent event;
        try {
            event = parser.parse(message);
        } catch (PoisonMessageException poison) {
            return deadLetterNow(message, "sqs:" + message.messageId(), null, poison.getMessage());
        }
        try {
            EventOutcome outcome = handler.handle(event);
            handled.incrementAndGet();
            if (receiveCount(message) > 1) {
                deadLetters.forgetRetrying(event.dedupKey());
            }
            log.debug("{} {} -> {}", event.eventType(), event.dedupKey(), outcome);
            return true;
        } catch (PoisonMessageException poison) {
            return deadLetterNow(message, event.dedupKey(), event.eventType(), poison.getMessage());
        } catch (RuntimeException failure) {
            failures.incrementAndGet();
            retryLater(message, event, failure);
            return false;
        }
    }

    private void retryLater(Message message, InboundEvent event, RuntimeException failure) {
        int attempt = receiveCount(message);
        String reason = reasonOf(failure);
        log.warn("Event {} ({}) failed on attempt {} of {}: {}", event.eventType(), event.dedupKey(), attempt,
                properties.getMaxReceiveCount(), reason);
        try {
            deadLetters.recordFailure(event.dedupKey(), message.messageId(), event.eventType(), message.body(),
                    reason, attempt, clock.instant());
        } catch (RuntimeException storeFailure) {
            log.error("Could not record the failure of {}", event.dedupKey(), storeFailure);
        }
        // After the last allowed attempt the message should move to the DLQ on the next receive,
        // so it is made visible at once; before that, wait as the central service does (1, 10, 60, 600 s).
        Duration wait = attempt >= properties.getMaxReceiveCount()
                ? Duration.ZERO : properties.errorVisibilityAfter(attempt);
        try {
            sqs.changeMessageVisibility(r -> r.queueUrl(properties.getQueueUrl())
                    .receiptHandle(message.receiptHandle())
                    .visibilityTimeout((int) Math.min(wait.toSeconds(), 43_200)));
        } catch (SdkException e) {
            // The message simply reappears after the queue's visibility timeout instead.
            log.warn("Could not change the visibility of {}: {}", message.messageId(), e.getMessage());
        }
    }

    /**
     * Records the message as needing attention and moves it to the DLQ ourselves, with the
     * reason as a message attribute, because retrying it can never succeed.
     */
    private boolean deadLetterNow(Message message, String key, String eventType, String reason) {
        failures.incrementAndGet();
        log.warn("Message {} goes to the dead-letter queue: {}", message.messageId(), reason);
        try {
            deadLetters.recordDead(key, message.messageId(), eventType, message.body(), reason, true,
                    receiveCount(message), clock.instant());
        } catch (RuntimeException storeFailure) {
            log.error("Could not record dead letter {}; leaving it on the queue", key, storeFailure);
            return false;
        }
        if (properties.getDlqUrl() != null && !properties.getDlqUrl().isBlank()) {
            Map<String, MessageAttributeValue> attributes = new HashMap<>(message.messageAttributes());
            attributes.put(FAILURE_REASON, text(reason.length() > 1000 ? reason.substring(0, 1000) : reason));
            attributes.put(SOURCE_MESSAGE_ID, text(key));
            // SQS allows 10 attributes per message; ours must survive, so the extra ones go first.
            while (attributes.size() > 10) {
                attributes.keySet().stream()
                        .filter(name -> !name.equals(FAILURE_REASON) && !name.equals(SOURCE_MESSAGE_ID))
                        .findFirst().ifPresent(attributes::remove);
            }
            try {
                sqs.sendMessage(r -> r.queueUrl(properties.getDlqUrl()).messageBody(message.body())
                        .messageAttributes(attributes));
            } catch (SdkException e) {
                log.warn("Could not copy {} to the dead-letter queue ({}); it stays on the queue", key, e.getMessage());
                return false;
            }
        }
        return true;
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).build());
        }
        try {
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(r -> r.queueUrl(properties.getQueueUrl())
                    .entries(entries));
            // A lost delete is harmless: the redelivered message is recognised as a duplicate.
            response.failed().forEach(f -> log.warn("Delete failed for entry {}: {}", f.id(), f.message()));
        } catch (SdkException e) {
            log.warn("Could not delete {} handled messages (they will be recognised as duplicates): {}",
                    messages.size(), e.getMessage());
        }
    }

    static int receiveCount(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String reasonOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    public long handledCount() {
        return handled.get();
    }

    public long failureCount() {
        return failures.get();
    }

    @Override
    protected boolean readyToStart() {
        checkRedrivePolicy();
        return true;
    }

    /** Run now and then from the listener loop (e.g. pruning old de-duplication keys). */
    public void setHousekeeping(Runnable housekeeping) {
        this.housekeeping = housekeeping;
    }

    /**
     * The queue's redrive policy decides when a failing event reaches the DLQ; ours only picks
     * the back-off. Say so loudly when they disagree, since the last-try logic depends on it.
     */
    void checkRedrivePolicy() {
        try {
            String policy = sqs.getQueueAttributes(r -> r.queueUrl(properties.getQueueUrl())
                    .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.REDRIVE_POLICY))
                    .attributesAsStrings().get("RedrivePolicy");
            if (policy == null) {
                log.warn("Queue {} has no redrive policy: an event that keeps failing is retried until it expires "
                        + "instead of reaching the dead-letter queue", properties.getQueueUrl());
                return;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"maxReceiveCount\"\\s*:\\s*\"?(\\d+)")
                    .matcher(policy);
            if (m.find() && Integer.parseInt(m.group(1)) != properties.getMaxReceiveCount()) {
                log.warn("Queue {} moves events to the DLQ after {} receives but movedesk.events.max-receive-count is {}",
                        properties.getQueueUrl(), m.group(1), properties.getMaxReceiveCount());
            }
        } catch (SdkException e) {
            log.info("Could not read the redrive policy of {} (offline?): {}", properties.getQueueUrl(), e.getMessage());
        }
    }

    /** One round of a listener thread: housekeeping now and then, then one long poll. */
    @Override
    protected Duration round() {
        if (System.currentTimeMillis() >= nextHousekeeping) {
            nextHousekeeping = System.currentTimeMillis() + TimeUnit.HOURS.toMillis(1);
            housekeeping.run();
        }
        pollOnce();
        return Duration.ZERO;
    }

    @Override
    protected Duration onFailure(RuntimeException e) {
        if (e instanceof SdkException) {
            log.warn("Queue {} not reachable, trying again in {}: {}", properties.getQueueUrl(),
                    properties.getPollErrorDelay(), e.getMessage());
        } else {
            // A bug, not a message: keep listening rather than silently stop consuming.
            log.error("Unexpected listener failure", e);
        }
        return properties.getPollErrorDelay();
    }

}
