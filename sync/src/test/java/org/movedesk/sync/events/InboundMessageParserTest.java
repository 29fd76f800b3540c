package org.movedesk.sync.events;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundMessageParserTest {

    private final InboundMessageParser parser = new InboundMessageParser(new ObjectMapper());

    private static final String RECEIVED = """
            {"eventType":"prison-offender-events.prisoner.received","version":1,
             "occurredAt":"2026-03-02T14:05:31Z","additionalInformation":{"nomsNumber":"G4821KT","reason":"ADMISSION"}}""";

    @Test
    void rawDeliveryIsTheEventItself() {
        InboundEvent event = parser.parse(message("m-1", RECEIVED, Map.of()));

        assertThat(event.eventType()).isEqualTo("prison-offender-events.prisoner.received");
        assertThat(event.payload().at("/additionalInformation/nomsNumber").asText()).isEqualTo("G4821KT");
        assertThat(event.dedupKey()).isEqualTo("sqs:m-1");
        assertThat(event.body()).isEqualTo(RECEIVED);
    }

    @Test
    void snsEnvelopeCarriesTheEventAsAStringInMessage() throws Exception {
        String envelope = new ObjectMapper().writeValueAsString(Map.of(
                "Type", "Notification",
                "MessageId", "sns-42",
                "TopicArn", "arn:aws:sns:eu-west-2:000000000000:domain",
                "Message", RECEIVED,
                "MessageAttributes", Map.of("eventType", Map.of("Type", "String",
                        "Value", "prison-offender-events.prisoner.received"))));

        InboundEvent event = parser.parse(message("m-2", envelope, Map.of()));

        assertThat(event.eventType()).isEqualTo("prison-offender-events.prisoner.received");
        assertThat(event.payload().at("/additionalInformation/nomsNumber").asText()).isEqualTo("G4821KT");
        assertThat(event.dedupKey()).as("the SNS message id is the same for every redelivery").isEqualTo("sns:sns-42");
        assertThat(event.attribute("eventType")).contains("prison-offender-events.prisoner.received");
    }

    @Test
    void ourEventIdAttributeWinsAsDedupKey() {
        InboundEvent event = parser.parse(message("m-3", RECEIVED, Map.of("eventId", "7d1c")));

        assertThat(event.dedupKey()).isEqualTo("event:7d1c");
    }

    @Test
    void eventTypeMayComeOnlyAsAttribute() {
        // The offender events topic puts the type in a message attribute; the body has it too, usually.
        InboundEvent event = parser.parse(message("m-4", "{\"offenderIdDisplay\":\"A1234AA\"}",
                Map.of("eventType", "OFFENDER_MOVEMENT-RECEPTION")));

        assertThat(event.eventType()).isEqualTo("OFFENDER_MOVEMENT-RECEPTION");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json              | hello there                                   | Message body is not JSON",
            "json array            | [1,2,3]                                       | not an object (ARRAY)",
            "json string           | \"text\"                                      | not an object (STRING)",
            "no type               | {\"a\":1}                                     | Message has no eventType",
            "numeric type          | {\"eventType\":12}                            | Field eventType must be a string, was NUMBER",
            "blank type            | {\"eventType\":\" \"}                         | Field eventType is blank",
            "envelope not string   | {\"Type\":\"Notification\",\"Message\":{}}    | Message must be a string holding JSON, was OBJECT",
            "envelope bad json     | {\"Type\":\"Notification\",\"Message\":\"{x\"} | SNS envelope field Message is not JSON",
    })
    void brokenMessagesAreRejectedWithAReason(String name, String body, String reason) {
        assertThatThrownBy(() -> parser.parse(message("m-x", body, Map.of())))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void emptyBodyIsRejected() {
        assertThatThrownBy(() -> parser.parse(message("m-y", "", Map.of())))
                .isInstanceOf(PoisonMessageException.class).hasMessage("Message body is empty");
    }

    static Message message(String id, String body, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new java.util.HashMap<>();
        attributes.forEach((k, v) -> values.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
        return Message.builder().messageId(id).body(body).receiptHandle("rh-" + id).messageAttributes(values).build();
    }
}
