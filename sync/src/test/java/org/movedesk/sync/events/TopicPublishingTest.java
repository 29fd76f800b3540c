package org.movedesk.sync.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.movedesk.core.common.IllegalTransitionException;
import org.movedesk.core.common.Json;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.sync.events.emulator.ElasticMqEmulator;
import org.movedesk.sync.events.emulator.FauxqsEmulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A desk action ends as a message on a queue subscribed to the SNS topic (fauxqs), with
 * exactly the JSON core built, the eventType/eventId attributes, in order per move, and
 * nothing for an action that was refused.
 */
class TopicPublishingTest extends EventsIntegrationTest {

    private static FauxqsEmulator fauxqs;
    private static FauxqsEmulator.TopicAndQueue raw;
    private static String envelopeQueue;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    MoveService moves;
    @Autowired
    OutboxService outbox;
    @Autowired
    DeskService desks;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeAll
    static void startTopic() {
        fauxqs = FauxqsEmulator.start();
        raw = fauxqs.topicWithQueue("domain-events", "desk-raw", true);
        envelopeQueue = fauxqs.topicWithQueue("domain-events", "desk-envelope", false).queueUrl();
    }

    @AfterAll
    static void stopTopic() {
        fauxqs.close();
    }

    private OutboxTopicPublisher publisher(String topicArn) {
        EventsProperties properties = new EventsProperties();
        properties.setRegion(FauxqsEmulator.REGION);
        properties.setEndpoint(fauxqs.endpoint());
        properties.setTopicArn(topicArn);
        OutboxTopicPublisher publisher = new OutboxTopicPublisher(
                EventsAwsClients.sns(properties, ElasticMqEmulator.credentials()), outbox, properties, Json.mapper(),
                () -> desks.current().deskId(), clock);
        // as the application wires it: one transaction per round of outbox bookkeeping
        // (EmulatorRestartTest covers the entry-by-entry path)
        publisher.setBookkeepingTransactions(new TransactionTemplate(transactionManager));
        return publisher;
    }

    private List<OutboxEntry> topicEntries(Move move) {
        return outbox.forAggregate(AggregateType.MOVE, move.getId().toString()).stream()
                .filter(e -> e.getChannel() == OutboxChannel.TOPIC).toList();
    }

    private void publishUntilConfirmed(OutboxTopicPublisher publisher, List<OutboxEntry> entries) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            publisher.publishReady();
            return entries.stream().allMatch(e -> outbox.get(e.getId()).getState() == OutboxState.CONFIRMED);
        });
    }

    @Test
    void aBookedAndAcceptedMoveArrivesOnTheQueueExactlyAsCoreBuiltIt() {
        Move move = fixture.bookRequested();
        move = moves.accept(StoreFixture.supplier(), move.getId(), null, "van booked");
        List<OutboxEntry> entries = topicEntries(move);
        assertThat(entries).extracting(e -> Json.read(e.getPayload()).get("eventType").asText())
                .containsExactly("movedesk.move.booked", "movedesk.move.accepted");

        publishUntilConfirmed(publisher(raw.topicArn()), entries);

        List<Message> received = receiveFor(raw.queueUrl(), move.getId().toString(), 2);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode payload = Json.read(entries.get(i).getPayload());
            Message message = received.get(i);
            assertThat(message.body()).isEqualTo(Json.write(payload.get("message")));
            assertThat(message.messageAttributes().get("eventType").stringValue())
                    .isEqualTo(payload.get("eventType").asText());
            assertThat(message.messageAttributes().get("eventId").stringValue())
                    .isEqualTo(payload.get("eventId").asText())
                    .isEqualTo(Json.read(message.body()).get("eventId").asText());
            assertThat(message.messageAttributes().get("sourceDesk").stringValue())
                    .isEqualTo(desks.current().deskId());
            EventSchemas.assertValid(EventSchemas.MOVE_EVENT, message.body());
            assertThat(outbox.get(entries.get(i).getId()).getCentralId()).as("the SNS message id").isNotBlank();
        }
        JsonNode accepted = Json.read(received.get(1).body());
        assertThat(accepted.get("status").asText()).isEqualTo("booked");
        assertThat(accepted.get("moveId").asText()).isEqualTo(move.getId().toString());
        assertThat(accepted.get("prisonNumber").asText()).isEqualTo(move.getPerson().getPrisonNumber());
        assertThat(accepted.get("fromAgencyId").asText()).isEqualTo("MDI");
        assertThat(accepted.get("toAgencyId").asText()).isEqualTo("LEI");
    }

    @Test
    void theEnvelopeSubscriptionCarriesTheSameJsonAsAString() {
        Move move = fixture.bookRequested();
        List<OutboxEntry> entries = topicEntries(move);

        publishUntilConfirmed(publisher(raw.topicArn()), entries);

        Message envelope = receiveFor(envelopeQueue, move.getId().toString(), 1).get(0);
        JsonNode root = Json.read(envelope.body());
        assertThat(root.get("Type").asText()).isEqualTo("Notification");
        assertThat(root.get("Message").asText()).isEqualTo(Json.write(Json.read(entries.get(0).getPayload()).get("message")));
        assertThat(root.at("/MessageAttributes/eventType/Value").asText()).isEqualTo("movedesk.move.booked");
    }

    @Test
    void eventsOfOneMoveKeepTheirOrderAndARefusedActionPublishesNothing() {
        Move move = fixture.bookRequested();
        assertThatThrownBy(() -> moves.complete(StoreFixture.supplier(), move.getId(), null, "too early"))
                .isInstanceOf(IllegalTransitionException.class);
        moves.accept(StoreFixture.supplier(), move.getId(), null, null);
        moves.start(StoreFixture.supplier(), move.getId(), null, null);
        moves.complete(StoreFixture.supplier(), move.getId(), null, null);
        List<OutboxEntry> entries = topicEntries(move);

        publishUntilConfirmed(publisher(raw.topicArn()), entries);

        assertThat(receiveFor(raw.queueUrl(), move.getId().toString(), 4))
                .extracting(m -> Json.read(m.body()).get("eventType").asText())
                .containsExactly("movedesk.move.booked", "movedesk.move.accepted", "movedesk.move.started",
                        "movedesk.move.completed");
    }

    @Test
    void aFifoTopicGetsTheEventIdAsDeduplicationIdAndTheMoveAsGroup() {
        String suffix = "fifo-" + NAMES.incrementAndGet();
        FauxqsEmulator.TopicAndQueue fifo = fauxqs.topicWithQueue(suffix + ".fifo", suffix + "-q.fifo", true);
        Move move = fixture.bookRequested();
        List<OutboxEntry> entries = topicEntries(move);

        publishUntilConfirmed(publisher(fifo.topicArn()), entries);

        Message message = receiveFor(fifo.queueUrl(), move.getId().toString(), 1).get(0);
        assertThat(message.attributes()).containsEntry(
                software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.MESSAGE_GROUP_ID,
                "MOVE:" + move.getId());
        assertThat(message.attributes().get(
                software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .isEqualTo(Json.read(entries.get(0).getPayload()).get("eventId").asText());
    }

    @Test
    void anUnreachableTopicLeavesTheEventWaitingInTheOutboxWithARetryTime() {
        Move move = fixture.bookRequested();
        OutboxEntry entry = topicEntries(move).get(0);
        OutboxTopicPublisher unreachable = publisher("arn:aws:sns:us-east-1:000000000000:no-such-topic");

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            unreachable.publishReady();
            return outbox.get(entry.getId()).getAttempts() > 0;
        });

        OutboxEntry after = outbox.get(entry.getId());
        assertThat(after.getState()).isEqualTo(OutboxState.PENDING);
        assertThat(after.getNextAttemptAt()).isAfter(clock.instant());
        assertThat(after.getErrorCode()).isEqualTo("TOPIC_UNREACHABLE");
        assertThat(after.getErrorDetail()).isNotBlank();
    }

    /** Messages on the queue that belong to this move (other tests share the topic), in arrival order. */
    private static List<Message> receiveFor(String queueUrl, String moveId, int expected) {
        List<Message> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (Message m : fauxqs.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All").messageSystemAttributeNamesWithStrings("All"))
                    .messages()) {
                fauxqs.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                if (m.body().contains(moveId)) {
                    mine.add(m);
                }
            }
            return mine.size() >= expected;
        });
        assertThat(mine).hasSize(expected);
        return mine;
    }
}
