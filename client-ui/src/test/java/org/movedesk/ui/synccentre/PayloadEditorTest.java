package org.movedesk.ui.synccentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayloadEditorTest {

    @Test
    void recognisesKindsAndKeepsNestedValuesAndOrder() {
        PayloadEditor editor = PayloadEditor.of("""
                {"moveId":"0b6f2c1e-8f5a-4c1e-9a55-2f1d6f7e8a90","date":"2030-01-02","rebook":false,
                 "attempt":2,"notes":null,"timestamp":"2030-01-02T10:00:00Z","extra":{"a":1}}""");
        assertThat(editor.fields()).extracting(PayloadEditor.Field::kind).containsExactly(
                PayloadEditor.Kind.UUID, PayloadEditor.Kind.DATE, PayloadEditor.Kind.BOOLEAN, PayloadEditor.Kind.NUMBER,
                PayloadEditor.Kind.TEXT, PayloadEditor.Kind.DATE_TIME, PayloadEditor.Kind.NESTED);
        assertThat(editor.problems()).isEmpty();
        assertThat(editor.changed()).isFalse();
        assertThat(editor.editedJson()).isEqualTo("{\"moveId\":\"0b6f2c1e-8f5a-4c1e-9a55-2f1d6f7e8a90\",\"date\":\"2030-01-02\","
                + "\"rebook\":false,\"attempt\":2,\"notes\":null,\"timestamp\":\"2030-01-02T10:00:00Z\",\"extra\":{\"a\":1}}");
    }

    @Test
    void everyBadValueIsNamed() {
        PayloadEditor editor = PayloadEditor.of("{\"moveId\":\"0b6f2c1e-8f5a-4c1e-9a55-2f1d6f7e8a90\",\"date\":\"2030-01-02\","
                + "\"rebook\":false,\"attempt\":2,\"offenderNo\":\"A1234BC\",\"notes\":\"x\"}");
        set(editor, "moveId", "not-an-id");
        set(editor, "date", "02/01/2030");
        set(editor, "rebook", "maybe");
        set(editor, "attempt", "two");
        set(editor, "offenderNo", "");
        set(editor, "notes", "");
        assertThat(editor.problems()).containsExactly(
                "moveId must be an id like 0b6f2c1e-...; copy it, do not type it.",
                "date must be a date like 2026-03-31.",
                "rebook must be true or false.",
                "attempt must be a number.",
                "offenderNo is required.");
        assertThatThrownBy(editor::editedJson).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void editedValuesKeepTheirJsonTypes() {
        PayloadEditor editor = PayloadEditor.of("{\"rebook\":false,\"attempt\":2,\"notes\":\"a\"}");
        set(editor, "rebook", "TRUE");
        set(editor, "attempt", "3");
        set(editor, "notes", "");
        assertThat(editor.changed()).isTrue();
        assertThat(editor.editedJson()).isEqualTo("{\"rebook\":true,\"attempt\":3,\"notes\":null}");
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefusedWithASentence() {
        assertThatThrownBy(() -> PayloadEditor.of("[1,2]")).hasMessageContaining("cannot be edited here");
    }

    private static void set(PayloadEditor editor, String name, String value) {
        editor.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().textProperty().set(value);
    }
}
