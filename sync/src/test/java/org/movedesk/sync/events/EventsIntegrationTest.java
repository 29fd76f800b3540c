package org.movedesk.sync.events;

import org.junit.jupiter.api.BeforeEach;
import org.movedesk.core.store.StoreUrl;
import org.movedesk.core.testing.MutableClock;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.sync.events.emulator.ElasticMqEmulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the event integration tests: one Spring context (core + event wiring, workers not
 * auto-started) on core's shared H2 test store, listening on a queue of the JVM-wide ElasticMQ.
 */
@SpringBootTest(classes = EventsTestApplication.class)
public abstract class EventsIntegrationTest {

    static final int MAX_RECEIVES = 2;

    static {
        ElasticMqEmulator.startSharedInBackground();
    }

    private static ElasticMqEmulator.QueuePair queues;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> StoreUrl.forDirectory(StoreFixture.sharedStoreDir()));
        registry.add("movedesk.events.enabled", () -> "true");
        registry.add("movedesk.events.auto-start", () -> "false");
        registry.add("movedesk.events.region", () -> ElasticMqEmulator.REGION);
        registry.add("movedesk.events.endpoint", () -> ElasticMqEmulator.shared().endpoint().toString());
        registry.add("movedesk.events.queue-url", () -> queues().queueUrl());
        registry.add("movedesk.events.dlq-url", () -> queues().dlqUrl());
        registry.add("movedesk.events.topic-arn", () -> "arn:aws:sns:eu-west-2:000000000000:domain-events");
        registry.add("movedesk.events.max-receive-count", () -> MAX_RECEIVES);
        registry.add("movedesk.events.wait-time-seconds", () -> 1);
        registry.add("movedesk.events.error-visibility-timeouts", () -> "0s");
        // The SDK's default provider chain reads these system properties; the emulator accepts any.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    static synchronized ElasticMqEmulator.QueuePair queues() {
        if (queues == null) {
            queues = ElasticMqEmulator.shared().createQueueWithDlq("desk-domain-events", MAX_RECEIVES);
        }
        return queues;
    }

    @Autowired
    protected StoreFixture fixture;
    @Autowired
    protected MutableClock clock;

    @BeforeEach
    void seedAndResetClock() {
        clock.reset();
        fixture.seed();
    }
}
