package org.movedesk.sync.events;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schemas (docs/events.md), applied in tests to what we really publish. */
final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchema MOVE_EVENT = load("movedesk-move-event.v1.json");
    static final JsonSchema PATIENT_EVENT = load("restricted-patient-event.v1.json");

    private EventSchemas() {
    }

    static void assertValid(JsonSchema schema, String json) {
        try {
            ProcessingReport report = schema.validate(JSON.readTree(json), true);
            assertThat(report.isSuccess()).as("schema check of %s:%n%s", json, report).isTrue();
        } catch (IOException | ProcessingException e) {
            throw new AssertionError("cannot validate " + json, e);
        }
    }

    static boolean isValid(JsonSchema schema, String json) {
        try {
            return schema.validate(JSON.readTree(json), true).isSuccess();
        } catch (IOException | ProcessingException e) {
            return false;
        }
    }

    private static JsonSchema load(String name) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/org/movedesk/sync/events/schemas/" + name)) {
            JsonNode schema = JSON.readTree(in);
            return JsonSchemaFactory.byDefault().getJsonSchema(schema);
        } catch (IOException | ProcessingException e) {
            throw new IllegalStateException("schema " + name, e);
        }
    }
}
