package org.movedesk.sync.push;

import java.util.List;

/** Forward order of the central move statuses; {@code cancelled} stands apart (reached from anywhere, left never). */
final class MoveStatusOrder {

    private static final List<String> FORWARD = List.of("proposed", "requested", "booked", "in_transit", "completed");

    private MoveStatusOrder() {
    }

    /**
     * True when {@code actual} shows the effect of a transition to {@code expected}: the same status,
     * or a later one on the forward path (a later action, ours or another desk's, moved it on).
     */
    static boolean reached(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        if (expected.equals(actual)) {
            return true;
        }
        if (expected.equals("cancelled") || actual.equals("cancelled")) {
            return false;
        }
        int e = FORWARD.indexOf(expected);
        int a = FORWARD.indexOf(actual);
        return e >= 0 && a > e;
    }
}
