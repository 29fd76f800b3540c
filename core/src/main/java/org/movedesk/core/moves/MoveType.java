package org.movedesk.core.moves;

import java.util.Arrays;

public enum MoveType {
    COURT_APPEARANCE("court_appearance"), COURT_OTHER("court_other"), HOSPITAL("hospital"),
    POLICE_TRANSFER("police_transfer"), PRISON_RECALL("prison_recall"), PRISON_REMAND("prison_remand"),
    PRISON_TRANSFER("prison_transfer"), VIDEO_REMAND("video_remand"), APPROVED_PREMISES("approved_premises"),
    EXTRADITION("extradition");

    private final String apiValue;

    MoveType(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    /** Like the centre: only recalls and video remands may leave the to-location empty. */
    public boolean requiresToLocation() {
        return this != PRISON_RECALL && this != VIDEO_REMAND;
    }

    public static MoveType fromApi(String value) {
        return Arrays.stream(values()).filter(v -> v.apiValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown move type '" + value + "'"));
    }
}
