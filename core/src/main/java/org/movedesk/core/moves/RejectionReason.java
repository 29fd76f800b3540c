package org.movedesk.core.moves;

import java.util.Arrays;

public enum RejectionReason {
    NO_SPACE_AT_RECEIVING_PRISON("no_space_at_receiving_prison"),
    NO_TRANSPORT_AVAILABLE("no_transport_available"),
    MORE_INFO_REQUIRED("more_info_required");

    private final String apiValue;

    RejectionReason(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    public static RejectionReason fromApi(String value) {
        return Arrays.stream(values()).filter(v -> v.apiValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown rejection reason '" + value + "'"));
    }
}
