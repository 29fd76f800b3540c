package org.movedesk.sync.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventFieldsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsNestedStrings() throws Exception {
        JsonNode payload = json.readTree("{\"additionalInformation\":{\"nomsNumber\":\"A1234AA\"}}");
        assertThat(EventFields.requiredText(payload, "additionalInformation.nomsNumber")).isEqualTo("A1234AA");
        assertThat(EventFields.optionalText(payload, "additionalInformation.reason")).isNull();
    }

    @Test
    void namesWhatIsMissingOrMistyped() throws Exception {
        assertThatThrownBy(() -> EventFields.requiredText(json.readTree("{}"), "additionalInformation.nomsNumber"))
                .isInstanceOf(PoisonMessageException.class).hasMessage("Missing field additionalInformation.nomsNumber");
        assertThatThrownBy(() -> EventFields.requiredText(json.readTree("{\"additionalInformation\":{\"nomsNumber\":7}}"),
                "additionalInformation.nomsNumber"))
                .hasMessage("Field additionalInformation.nomsNumber must be a string, was NUMBER");
        assertThatThrownBy(() -> EventFields.requiredText(json.readTree("{\"additionalInformation\":\"x\"}"),
                "additionalInformation.nomsNumber"))
                .hasMessage("Field additionalInformation must be an object, was STRING");
        assertThatThrownBy(() -> EventFields.optionalInstant(json.readTree("{\"occurredAt\":\"yesterday\"}"), "occurredAt"))
                .hasMessageContaining("Field occurredAt is not an ISO date-time: yesterday");
        assertThat(EventFields.optionalInstant(json.readTree("{\"t\":\"2026-07-01T10:00:00\"}"), "t"))
                .as("NOMIS local time is London time").hasToString("2026-07-01T09:00:00Z");
    }
}
