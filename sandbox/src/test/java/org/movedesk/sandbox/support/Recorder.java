package org.movedesk.sandbox.support;

import java.util.ArrayList;
import java.util.List;

/** Collects exchanges for the contract check at the end of a test class. Thread-safe. */
public final class Recorder {

    private final List<Exchange> exchanges = new ArrayList<>();

    public synchronized void record(Exchange exchange) {
        exchanges.add(exchange);
    }

    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }
}
