package org.movedesk.core.history.export;

import java.util.List;

/** The CSV export's columns, in order (the header row names them). */
public final class CsvColumns {

    public static final List<String> NAMES = List.of("id", "occurred_at", "recorded_at", "operator", "desk",
            "event_type", "aggregate_type", "aggregate_id", "move_reference", "prison_number", "move_type", "status",
            "from_location", "to_location", "sync_state", "source", "notes");

    private CsvColumns() {
    }
}
