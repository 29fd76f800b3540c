package org.movedesk.core.moves;

import java.util.Arrays;

public enum MoveStatus {
    PROPOSED("proposed"), REQUESTED("requested"), BOOKED("booked"), IN_TRANSIT("in_transit"),
    COMPLETED("completed"), CANCELLED("cancelled");

    private final String apiValue;

    MoveStatus(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    /** For messages: "in transit". */
    public String label() {
        return apiValue.replace('_', ' ');
    }

    public static MoveStatus fromApi(String value) {
        return Arrays.stream(values()).filter(v -> v.apiValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown move status '" + value + "'"));
    }
}
