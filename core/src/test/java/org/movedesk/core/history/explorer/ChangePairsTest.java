package org.movedesk.core.history.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangePairsTest {

    @Test
    void pairsFieldsIncludingNestedAndRemovedOnes() {
        assertThat(ChangePairs.of("{\"status\":\"booked\",\"to\":{\"id\":\"a\"},\"notes\":\"x\",\"same\":1}",
                "{\"status\":\"in_transit\",\"to\":{\"id\":\"b\"},\"same\":1,\"extra\":[1,2]}"))
                .containsExactly(new FieldChange("status", "booked", "in_transit"), new FieldChange("to.id", "a", "b"),
                        new FieldChange("notes", "x", null), new FieldChange("extra", null, "[1,2]"));
    }

    @Test
    void aCreationHasOnlyAfterValuesAndNonJsonBodiesCompareWhole() {
        assertThat(ChangePairs.of(null, "{\"a\":1,\"b\":null}")).containsExactly(new FieldChange("a", null, "1"));
        assertThat(ChangePairs.of("plain", "other")).containsExactly(new FieldChange("(body)", "plain", "other"));
        assertThat(ChangePairs.of("{\"a\":1}", "{\"a\":1}")).isEmpty();
    }
}
