package org.movedesk.sync.events.emulator;

import java.net.URI;
import java.util.Map;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ (a real SQS implementation) in this JVM on a free loopback port: the emulator of
 * the consume and dead-letter tests. Dead-letter redrive works as in SQS.
 */
public final class ElasticMqEmulator implements AutoCloseable {

    public static final String REGION = "eu-west-2";

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient admin;

    private ElasticMqEmulator(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.admin = SqsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials()).build();
    }

    private static final java.util.concurrent.CompletableFuture<ElasticMqEmulator> SHARED =
            new java.util.concurrent.CompletableFuture<>();
    private static final java.util.concurrent.atomic.AtomicBoolean SHARED_STARTING =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * One emulator for the whole test JVM, started in the background on first call so it
     * overlaps with the Spring context start (its actor system takes a few seconds on a busy
     * machine); stopped when the JVM exits. Tests use their own queues on it.
     */
    public static void startSharedInBackground() {
        if (SHARED_STARTING.compareAndSet(false, true)) {
            Thread starter = new Thread(() -> {
                try {
                    ElasticMqEmulator emulator = start();
                    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
                    SHARED.complete(emulator);
                } catch (RuntimeException e) {
                    SHARED.completeExceptionally(e);
                }
            }, "elasticmq-start");
            starter.setDaemon(true);
            starter.start();
        }
    }

    public static ElasticMqEmulator shared() {
        startSharedInBackground();
        try {
            return SHARED.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ did not start", e);
        }
    }

    public static ElasticMqEmulator start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMqEmulator(server, port);
    }

    public URI endpoint() {
        return endpoint;
    }

    public SqsClient admin() {
        return admin;
    }

    /** A queue with a dead-letter queue behind it; returns {queueUrl, dlqUrl}. */
    public QueuePair createQueueWithDlq(String name, int maxReceiveCount) {
        String dlqUrl = admin.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
        String dlqArn = admin.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        String queueUrl = admin.createQueue(r -> r.queueName(name)
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        return new QueuePair(queueUrl, dlqUrl);
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    @Override
    public void close() {
        admin.close();
        server.stopAndWait();
    }

    public record QueuePair(String queueUrl, String dlqUrl) {
    }
}
