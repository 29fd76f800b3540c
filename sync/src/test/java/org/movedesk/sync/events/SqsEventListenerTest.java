package org.movedesk.sync.events;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.sync.events.emulator.ElasticMqEmulator;
import org.springframework.jdbc.core.JdbcTemplate;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener's transport duties against a real SQS (ElasticMQ): delete after success only,
 * poison straight to the DLQ with its reason, failures retried then redriven, the DLQ copied
 * into "needs attention". The domain reactions are covered by {@link DomainEventsEndToEndTest}.
 */
class SqsEventListenerTest {

    private static final ElasticMqEmulator emulator = ElasticMqEmulator.shared();

    @TempDir
    Path dir;

    private JdbcTemplate jdbc;
    private DeadLetterStore deadLetters;
    private SqsClient sqs;
    private EventsProperties properties;
    private ElasticMqEmulator.QueuePair queues;
    private final ObjectMapper json = new ObjectMapper();
    private static final AtomicInteger names = new AtomicInteger();

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("desk") + ";WRITE_DELAY=0");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        deadLetters = new DeadLetterStore(jdbc);
        queues = emulator.createQueueWithDlq("listener-" + names.incrementAndGet(), 2);
        properties = new EventsProperties();
        properties.setEndpoint(emulator.endpoint());
        properties.setRegion(ElasticMqEmulator.REGION);
        properties.setQueueUrl(queues.queueUrl());
        properties.setDlqUrl(queues.dlqUrl());
        properties.setMaxReceiveCount(2);
        properties.setWaitTimeSeconds(1);
        properties.setErrorVisibilityTimeouts(List.of(Duration.ZERO));
        sqs = EventsAwsClients.sqs(properties, ElasticMqEmulator.credentials());
    }

    private SqsEventListener listener(InboundEventHandler handler) {
        return new SqsEventListener(sqs, properties, new InboundMessageParser(json), handler, deadLetters,
                Clock.systemUTC());
    }

    private DeadLetterCollector collector() {
        return new DeadLetterCollector(sqs, properties, new InboundMessageParser(json), deadLetters, e -> { },
                Clock.systemUTC());
    }

    private void send(String body) {
        sqs.sendMessage(r -> r.queueUrl(queues.queueUrl()).messageBody(body));
    }

    private int visibleOnQueue(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Test
    void appliedMessagesAreDeletedAfterTheHandlerReturned() {
        AtomicInteger applied = new AtomicInteger();
        SqsEventListener listener = listener(event -> {
            applied.incrementAndGet();
            return EventOutcome.APPLIED;
        });
        for (int i = 0; i < 12; i++) {
            send("{\"eventType\":\"test.happened\",\"n\":" + i + "}");
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            listener.pollOnce();
            return applied.get() == 12;
        });

        assertThat(visibleOnQueue(queues.queueUrl())).isZero();
        assertThat(deadLetters.openCount()).isZero();
    }

    @Test
    void poisonGoesToTheDlqWithItsReasonAndTheListenerCarriesOn() {
        AtomicInteger applied = new AtomicInteger();
        SqsEventListener listener = listener(event -> {
            EventFields.requiredText(event.payload(), "additionalInformation.nomsNumber");
            applied.incrementAndGet();
            return EventOutcome.APPLIED;
        });
        send("this is not json");
        send("{\"eventType\":\"x.y\",\"additionalInformation\":{\"nomsNumber\":42}}");
        send("{\"eventType\":\"x.y\",\"additionalInformation\":{\"nomsNumber\":\"A1234AA\"}}");

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            listener.pollOnce();
            return applied.get() == 1 && deadLetters.openCount() == 2;
        });

        assertThat(deadLetters.list(false)).extracting(NeedsAttentionItem::reason).containsExactlyInAnyOrder(
                "Message body is not JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "Field additionalInformation.nomsNumber must be a string, was NUMBER");
        List<Message> onDlq = receiveAll(queues.dlqUrl(), 2);
        assertThat(onDlq).extracting(m -> m.messageAttributes().get(SqsEventListener.FAILURE_REASON).stringValue())
                .containsExactlyInAnyOrder(
                        "Message body is not JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                        "Field additionalInformation.nomsNumber must be a string, was NUMBER");
        assertThat(visibleOnQueue(queues.queueUrl())).isZero();
    }

    @Test
    void aFailureIsRetriedThenRedrivenAndListedWithTheReasonOfTheLastTry() {
        String reason = "Merge not implemented. Patient A1234AA was at hospital HAZLWD but record merged into B1234BB";
        AtomicInteger attempts = new AtomicInteger();
        SqsEventListener listener = listener(event -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(reason);
        });
        DeadLetterCollector collector = collector();
        send("{\"eventType\":\"prison-offender-events.prisoner.merged\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            listener.pollOnce();
            collector.collectOnce();
            return deadLetters.openCount() == 1;
        });

        assertThat(attempts.get()).as("tried max-receive-count times").isEqualTo(2);
        NeedsAttentionItem item = deadLetters.list(false).get(0);
        assertThat(item.reason()).isEqualTo(reason);
        assertThat(item.eventType()).isEqualTo("prison-offender-events.prisoner.merged");
        assertThat(item.body()).isEqualTo("{\"eventType\":\"prison-offender-events.prisoner.merged\"}");
        assertThat(item.attempts()).isEqualTo(2);
        assertThat(item.firstSeen()).isNotNull();
        assertThat(visibleOnQueue(queues.dlqUrl())).as("the DLQ copy is deleted once stored").isZero();
    }

    @Test
    void aMessageThatSucceedsOnRetryLeavesNothingToAttendTo() {
        AtomicInteger attempts = new AtomicInteger();
        SqsEventListener listener = listener(event -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database busy");
            }
            return EventOutcome.APPLIED;
        });
        send("{\"eventType\":\"x.y\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            listener.pollOnce();
            return attempts.get() == 2;
        });

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_dead_letter", Integer.class)).isZero();
    }

    @Test
    void theListenerThreadSurvivesAnUnreachableQueue() {
        AtomicInteger applied = new AtomicInteger();
        properties.setPollErrorDelay(Duration.ofMillis(100));
        properties.setQueueUrl(queues.queueUrl() + "-missing");
        SqsEventListener listener = listener(event -> {
            applied.incrementAndGet();
            return EventOutcome.APPLIED;
        });
        listener.start();
        try {
            send("{\"eventType\":\"x.y\"}");
            properties.setQueueUrl(queues.queueUrl());
            await().atMost(Duration.ofSeconds(15)).until(() -> applied.get() == 1);
            assertThat(listener.isRunning()).isTrue();
        } finally {
            listener.stop();
        }
    }

    private List<Message> receiveAll(String url, int expected) {
        List<Message> all = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            all.addAll(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages());
            return all.size() >= expected;
        });
        return all;
    }
}
