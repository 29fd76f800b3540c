package org.movedesk.sync.events.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emulator features the event code relies on, checked once so a regression in an
 * emulator upgrade shows up here rather than as a puzzling failure elsewhere.
 */
class EmulatorFeaturesTest {

    @Test
    void fauxqsDeliversRawAndEnvelopeWithAttributesAndDedupsFifo() {
        try (FauxqsEmulator fauxqs = FauxqsEmulator.start()) {
            var raw = fauxqs.topicWithQueue("domain", "raw-q", true);
            String envelopeQueue = fauxqs.topicWithQueue("domain", "env-q", false).queueUrl();
            fauxqs.sns().publish(r -> r.topicArn(raw.topicArn()).message("{\"a\":1}")
                    .messageAttributes(Map.of("eventType", MessageAttributeValue.builder().dataType("String")
                            .stringValue("x.y").build())));

            Message rawMessage = receiveOne(fauxqs, raw.queueUrl());
            assertThat(rawMessage.body()).isEqualTo("{\"a\":1}");
            assertThat(rawMessage.messageAttributes().get("eventType").stringValue()).isEqualTo("x.y");
            Message envelope = receiveOne(fauxqs, envelopeQueue);
            assertThat(envelope.body()).contains("\"Type\":\"Notification\"").contains("\"Message\":\"{\\\"a\\\":1}\"")
                    .contains("\"eventType\"");

            var fifo = fauxqs.topicWithQueue("domain.fifo", "raw-q.fifo", true);
            for (int i = 0; i < 2; i++) {
                fauxqs.sns().publish(r -> r.topicArn(fifo.topicArn()).message("{\"b\":2}")
                        .messageGroupId("g").messageDeduplicationId("same-id"));
            }
            Message first = receiveOne(fauxqs, fifo.queueUrl());
            fauxqs.sqs().deleteMessage(r -> r.queueUrl(fifo.queueUrl()).receiptHandle(first.receiptHandle()));
            assertThat(fauxqs.sqs().receiveMessage(r -> r.queueUrl(fifo.queueUrl()).waitTimeSeconds(1)).messages())
                    .as("the second publish with the same deduplication id is dropped").isEmpty();
        }
    }

    @Test
    void elasticMqMovesAMessageToTheDlqAfterMaxReceives() {
        try (ElasticMqEmulator sqs = ElasticMqEmulator.start()) {
            var queues = sqs.createQueueWithDlq("q", 2);
            sqs.admin().sendMessage(r -> r.queueUrl(queues.queueUrl()).messageBody("boom"));
            for (int i = 0; i < 2; i++) {
                Message m = receiveOne(sqs.admin(), queues.queueUrl());
                sqs.admin().changeMessageVisibility(r -> r.queueUrl(queues.queueUrl())
                        .receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            }
            sqs.admin().receiveMessage(r -> r.queueUrl(queues.queueUrl()).waitTimeSeconds(0));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    sqs.admin().receiveMessage(r -> r.queueUrl(queues.dlqUrl()).waitTimeSeconds(1)).messages())
                    .extracting(Message::body).containsExactly("boom"));
        }
    }

    private static Message receiveOne(FauxqsEmulator fauxqs, String queueUrl) {
        return receiveOne(fauxqs.sqs(), queueUrl);
    }

    private static Message receiveOne(software.amazon.awssdk.services.sqs.SqsClient sqs, String queueUrl) {
        List<Message> messages = await().atMost(Duration.ofSeconds(10)).until(() -> sqs.receiveMessage(r -> r
                        .queueUrl(queueUrl).waitTimeSeconds(1).messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages(),
                list -> !list.isEmpty());
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
