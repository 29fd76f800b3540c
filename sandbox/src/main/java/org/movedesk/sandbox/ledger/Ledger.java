package org.movedesk.sandbox.ledger;

import org.movedesk.sandbox.LedgerEntry;

import java.util.ArrayList;
import java.util.List;

/** The append-only list of state changes the sandbox applied. Thread-safe. */
public final class Ledger {

    private final List<LedgerEntry> entries = new ArrayList<>();

    public synchronized void record(LedgerEntry entry) {
        entries.add(entry);
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
