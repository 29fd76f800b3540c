package org.movedesk.core.moves;

import java.util.Arrays;

/** The central Move schema's cancellation_reason enum (contracts/moves-api-v2.yaml), in its order. */
public enum CancellationReason {
    MADE_IN_ERROR("made_in_error"),
    SUPPLIER_DECLINED_TO_MOVE("supplier_declined_to_move"),
    REJECTED("rejected"),
    INCOMPLETE_PER("incomplete_per"),
    OTHER("other"),
    CANCELLED_BY_PMU("cancelled_by_pmu"),
    CASE_NOT_COURT_READY("case_not_court_ready"),
    COMBINED_WITH_ANOTHER_REQUEST("combined_with_another_request"),
    COURT_CLOSURE("court_closure"),
    COURT_NO_CAPACITY("court_no_capacity"),
    COURT_NOT_DDA_COMPLIANT("court_not_dda_compliant"),
    INCORRECT_COLLECTION_LOCATION("incorrect_collection_location"),
    INCORRECT_FINAL_LOCATION("incorrect_final_location"),
    LIST_RECEIVED_AFTER_5_PM("list_received_after_5_pm"),
    OPERATIONAL_ISSUES_PRISON("operational_issues_prison"),
    POLICE_TRANSPORTED_PRISONER("police_transported_prisoner"),
    PRISON_TRANSPORTED_PRISONER("prison_transported_prisoner"),
    PRISONER_NO_LONGER_REQUIRED("prisoner_no_longer_required"),
    PRISONER_REFUSAL("prisoner_refusal"),
    PRISONER_TO_BE_RELEASED_ON_BAIL("prisoner_to_be_released_on_bail"),
    PRISONER_UNFIT_TO_TRAVEL("prisoner_unfit_to_travel"),
    PTR_UNACHIEVABLE("ptr_unachievable"),
    RECEIVER_UNABLE_TO_ACCEPT_PRISONER("receiver_unable_to_accept_prisoner"),
    SENDER_UNABLE_TO_FULFIL_DRAFT("sender_unable_to_fulfil_draft"),
    SENDER_CANCELLED_REQUEST("sender_cancelled_request"),
    SUPPLIER_NO_RESOURCE("supplier_no_resource"),
    TORNADO_EVENT("tornado_event"),
    UNSUITABLE_VEHICLE("unsuitable_vehicle"),
    VIDEO_LINK_TO_BE_USED("video_link_to_be_used");

    private final String apiValue;

    CancellationReason(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    public static CancellationReason fromApi(String value) {
        return Arrays.stream(values()).filter(v -> v.apiValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown cancellation reason '" + value + "'"));
    }
}
