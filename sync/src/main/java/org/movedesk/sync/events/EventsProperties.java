package org.movedesk.sync.events;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the event topics ({@code movedesk.events.*}). Credentials are not here on
 * purpose: they come from the AWS SDK default provider chain (environment, system properties,
 * profile files, container or instance roles), so no secret ever sits in our config files.
 */
@ConfigurationProperties(prefix = "movedesk.events")
public class EventsProperties {

    /** Master switch: without it no AWS client is built and nothing polls. */
    private boolean enabled = false;
    /** AWS region, e.g. {@code eu-west-2}. */
    private String region = "eu-west-2";
    /** Endpoint override for an emulator or a VPC endpoint; empty means the real AWS endpoint. */
    private URI endpoint;
    /** The domain topic our events are published to. A name ending in {@code .fifo} turns on FIFO ids. */
    private String topicArn;
    /** The queue subscribed to the domain topic that the listener reads. */
    private String queueUrl;
    /** The dead-letter queue of {@link #queueUrl}; its messages are copied into "needs attention". */
    private String dlqUrl;
    /**
     * Receives before SQS moves a failing message to the DLQ (the queue's redrive policy must
     * say the same; the central service uses 5). Used to pick the back-off of the last try.
     */
    private int maxReceiveCount = 5;
    /** Long-poll wait per receive (0-20 s). */
    private int waitTimeSeconds = 20;
    /** Messages per receive (1-10). */
    private int maxMessages = 10;
    /** How long a received message stays invisible while we apply it. */
    private int visibilityTimeoutSeconds = 30;
    /**
     * Visibility timeouts after the 1st, 2nd, ... failed attempt (the central service's
     * 1, 10, 60, 600 s); the last value repeats.
     */
    private List<Duration> errorVisibilityTimeouts = new ArrayList<>(List.of(
            Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(600)));
    /** Outbox entries taken per publish round (SNS batches hold at most 10). */
    private int publishBatchSize = 50;
    /** Received messages applied in one transaction (several receives of max-messages when the queue is busy). */
    private int messagesPerTransaction = 50;
    /** PublishBatch calls of one round sent at the same time. */
    private int publishConcurrency = 4;
    /** Back-off before retrying a failed publish: doubles per attempt up to {@link #publishMaxBackoff}. */
    private Duration publishBackoff = Duration.ofSeconds(1);
    private Duration publishMaxBackoff = Duration.ofMinutes(5);
    /** Pause of the publisher when the outbox had nothing ready. */
    private Duration publishIdleDelay = Duration.ofMillis(500);
    /** Pause of the listener after the queue could not be reached. */
    private Duration pollErrorDelay = Duration.ofSeconds(5);
    /** Listener threads (each long-polls on its own). */
    private int listenerThreads = 1;
    /** Start publisher, listener and collector with the application (tests drive them by hand). */
    private boolean autoStart = true;
    /** Name used for the SYSTEM actor that applies consumed events. */
    private String systemActorName = "events";

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public URI getEndpoint() { return endpoint; }
    public void setEndpoint(URI endpoint) { this.endpoint = endpoint; }
    public String getTopicArn() { return topicArn; }
    public void setTopicArn(String topicArn) { this.topicArn = topicArn; }
    public String getQueueUrl() { return queueUrl; }
    public void setQueueUrl(String queueUrl) { this.queueUrl = queueUrl; }
    public String getDlqUrl() { return dlqUrl; }
    public void setDlqUrl(String dlqUrl) { this.dlqUrl = dlqUrl; }
    public int getMaxReceiveCount() { return maxReceiveCount; }
    public void setMaxReceiveCount(int maxReceiveCount) { this.maxReceiveCount = maxReceiveCount; }
    public int getWaitTimeSeconds() { return waitTimeSeconds; }
    public void setWaitTimeSeconds(int waitTimeSeconds) { this.waitTimeSeconds = waitTimeSeconds; }
    public int getMaxMessages() { return maxMessages; }
    public void setMaxMessages(int maxMessages) { this.maxMessages = maxMessages; }
    public int getVisibilityTimeoutSeconds() { return visibilityTimeoutSeconds; }
    public void setVisibilityTimeoutSeconds(int s) { this.visibilityTimeoutSeconds = s; }
    public List<Duration> getErrorVisibilityTimeouts() { return errorVisibilityTimeouts; }
    public void setErrorVisibilityTimeouts(List<Duration> t) { this.errorVisibilityTimeouts = t; }
    public int getPublishConcurrency() { return publishConcurrency; }
    public void setPublishConcurrency(int publishConcurrency) { this.publishConcurrency = publishConcurrency; }
    public int getMessagesPerTransaction() { return messagesPerTransaction; }
    public void setMessagesPerTransaction(int messagesPerTransaction) { this.messagesPerTransaction = messagesPerTransaction; }
    public int getPublishBatchSize() { return publishBatchSize; }
    public void setPublishBatchSize(int publishBatchSize) { this.publishBatchSize = publishBatchSize; }
    public Duration getPublishBackoff() { return publishBackoff; }
    public void setPublishBackoff(Duration publishBackoff) { this.publishBackoff = publishBackoff; }
    public Duration getPublishMaxBackoff() { return publishMaxBackoff; }
    public void setPublishMaxBackoff(Duration publishMaxBackoff) { this.publishMaxBackoff = publishMaxBackoff; }
    public Duration getPublishIdleDelay() { return publishIdleDelay; }
    public void setPublishIdleDelay(Duration publishIdleDelay) { this.publishIdleDelay = publishIdleDelay; }
    public Duration getPollErrorDelay() { return pollErrorDelay; }
    public void setPollErrorDelay(Duration pollErrorDelay) { this.pollErrorDelay = pollErrorDelay; }
    public int getListenerThreads() { return listenerThreads; }
    public void setListenerThreads(int listenerThreads) { this.listenerThreads = listenerThreads; }
    public boolean isAutoStart() { return autoStart; }
    public void setAutoStart(boolean autoStart) { this.autoStart = autoStart; }
    public String getSystemActorName() { return systemActorName; }
    public void setSystemActorName(String systemActorName) { this.systemActorName = systemActorName; }

    /** FIFO topics need a message group and a deduplication id on every publish. */
    public boolean fifoTopic() {
        return topicArn != null && topicArn.endsWith(".fifo");
    }

    /** The visibility timeout to set after the given failed attempt (1-based). */
    public Duration errorVisibilityAfter(int attempt) {
        if (errorVisibilityTimeouts.isEmpty()) {
            return Duration.ZERO;
        }
        int index = Math.min(Math.max(attempt, 1), errorVisibilityTimeouts.size()) - 1;
        return errorVisibilityTimeouts.get(index);
    }
}
