package org.movedesk.sync.events;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the SNS and SQS clients from {@link EventsProperties}: region and endpoint override
 * from configuration, credentials from the SDK's default provider chain.
 */
public final class EventsAwsClients {

    private EventsAwsClients() {
    }

    public static SnsClient sns(EventsProperties properties) {
        return sns(properties, DefaultCredentialsProvider.builder().build());
    }

    public static SqsClient sqs(EventsProperties properties) {
        return sqs(properties, DefaultCredentialsProvider.builder().build());
    }

    public static SnsClient sns(EventsProperties properties, AwsCredentialsProvider credentials) {
        SnsClientBuilder builder = SnsClient.builder()
                .region(Region.of(properties.getRegion()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides(Duration.ofSeconds(30)));
        if (properties.getEndpoint() != null) {
            builder.endpointOverride(properties.getEndpoint());
        }
        return builder.build();
    }

    public static SqsClient sqs(EventsProperties properties, AwsCredentialsProvider credentials) {
        // A long poll holds the call open for waitTimeSeconds; the call timeout must outlast it.
        Duration callTimeout = Duration.ofSeconds(properties.getWaitTimeSeconds() + 15L);
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(properties.getRegion()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides(callTimeout));
        if (properties.getEndpoint() != null) {
            builder.endpointOverride(properties.getEndpoint());
        }
        return builder.build();
    }

    private static ClientOverrideConfiguration overrides(Duration callTimeout) {
        // Our own retry (outbox back-off, SQS redelivery) decides what happens after a failure,
        // so the SDK only gets a short retry budget and never blocks a worker for long.
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(callTimeout)
                .apiCallAttemptTimeout(callTimeout)
                .retryStrategy(b -> b.maxAttempts(2))
                .build();
    }
}
