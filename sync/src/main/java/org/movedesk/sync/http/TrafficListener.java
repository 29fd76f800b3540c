package org.movedesk.sync.http;

import java.io.IOException;
import java.time.Instant;

/** Told about every real exchange with the centre; the sync status derives online/offline and clock skew from it. */
public interface TrafficListener {

    /** Any HTTP answer proves the centre is reachable, whatever its status. */
    void onAnswer(int status, Instant serverDate, Instant receivedAt);

    /** No answer at all (refused, reset, timed out, unknown host). */
    void onNoAnswer(IOException failure);

    TrafficListener NONE = new TrafficListener() {
        @Override
        public void onAnswer(int status, Instant serverDate, Instant receivedAt) {
        }

        @Override
        public void onNoAnswer(IOException failure) {
        }
    };
}
