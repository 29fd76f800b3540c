package org.movedesk.core.history;

import java.time.Instant;
import java.util.UUID;

import org.movedesk.core.outbox.AggregateType;

/** Any combination; null = not filtered. Location matches entries from or to it; time range on occurred-at. */
public record HistoryFilter(AggregateType aggregateType, String aggregateId, String prisonNumber, String operator,
                            UUID locationId, Instant from, Instant to, String eventTypePrefix) {

    public static HistoryFilter all() {
        return new HistoryFilter(null, null, null, null, null, null, null, null);
    }
}
