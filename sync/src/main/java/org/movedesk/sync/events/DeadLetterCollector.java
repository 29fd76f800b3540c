package org.movedesk.sync.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Copies what the dead-letter queue holds into the local "needs attention" table and only
 * then deletes it from the DLQ, so a person sees every dead event at the desk even offline.
 */
public class DeadLetterCollector extends WorkerLoop {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterCollector.class);

    private final SqsClient sqs;
    private final EventsProperties properties;
    private final InboundMessageParser parser;
    private final DeadLetterStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;


    public DeadLetterCollector(SqsClient sqs, EventsProperties properties, InboundMessageParser parser,
                               DeadLetterStore store, ApplicationEventPublisher events, Clock clock) {
        super("sqs-dead-letters", 1, Duration.ofSeconds(properties.getWaitTimeSeconds() + 5L));
        this.sqs = sqs;
        this.properties = properties;
        this.parser = parser;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** One receive from the DLQ; returns how many messages were stored. */
    public int collectOnce() {
        ReceiveMessageResponse response = sqs.receiveMessage(r -> r
                .queueUrl(properties.getDlqUrl())
                .maxNumberOfMessages(10)
                .waitTimeSeconds(properties.getWaitTimeSeconds())
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        List<DeleteMessageBatchRequestEntry> stored = new ArrayList<>();
        for (Message message : response.messages()) {
            try {
                store(message);
                stored.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(stored.size()))
                        .receiptHandle(message.receiptHandle()).build());
            } catch (RuntimeException e) {
                // Stays on the DLQ and is tried again on a later round.
                log.error("Could not store dead letter {}", message.messageId(), e);
            }
        }
        if (!stored.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(properties.getDlqUrl()).entries(stored));
            events.publishEvent(new NeedsAttentionChanged(store.openCount()));
        }
        return stored.size();
    }

    private void store(Message message) {
        String explicitReason = attribute(message, SqsEventListener.FAILURE_REASON);
        String sourceId = attribute(message, SqsEventListener.SOURCE_MESSAGE_ID);
        String key;
        String eventType;
        String parseProblem = null;
        try {
            InboundEvent event = parser.parse(message);
            key = event.dedupKey();
            eventType = event.eventType();
        } catch (PoisonMessageException poison) {
            key = sourceId != null ? sourceId : "sqs:" + message.messageId();
            eventType = null;
            parseProblem = poison.getMessage();
        }
        if (sourceId != null) {
            key = sourceId;
        }
        String reason = explicitReason != null ? explicitReason
                : parseProblem != null ? parseProblem
                : "Moved to the dead-letter queue after " + properties.getMaxReceiveCount()
                  + " failed attempts (reason not recorded at this desk)";
        store.recordDead(key, message.messageId(), eventType, message.body(), reason, explicitReason != null,
                properties.getMaxReceiveCount(), clock.instant());
    }

    private static String attribute(Message message, String name) {
        var value = message.messageAttributes().get(name);
        return value == null ? null : value.stringValue();
    }

    @Override
    protected boolean readyToStart() {
        return properties.getDlqUrl() != null && !properties.getDlqUrl().isBlank();
    }

    @Override
    protected Duration round() {
        collectOnce();
        return Duration.ZERO;
    }

    @Override
    protected Duration onFailure(RuntimeException e) {
        if (e instanceof SdkException) {
            log.warn("Dead-letter queue not reachable: {}", e.getMessage());
        } else {
            log.error("Unexpected dead-letter collector failure", e);
        }
        return properties.getPollErrorDelay();
    }

}
