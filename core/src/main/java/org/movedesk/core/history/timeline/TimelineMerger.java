package org.movedesk.core.history.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.movedesk.core.history.explorer.TimelineEntry;

/**
 * Merges a move's local history with its central timeline. A local entry and a central event are
 * the same event when they map to the same kind and their times differ by at most the tolerance
 * (the centre stamps the time it applied the request, which for an action recorded offline can be
 * much later, hence a generous default). Each central event pairs with at most one local entry:
 * the nearest in time of the same kind.
 */
public final class TimelineMerger {

    /** Offline work reaches the centre when the desk reconnects; a shift is a fair bound. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofHours(12);

    private static final Map<String, String> CENTRAL_KINDS = Map.ofEntries(
            Map.entry("movecreate", "create"), Map.entry("moveproposed", "create"), Map.entry("moverequested", "create"),
            Map.entry("moveapprove", "approve"), Map.entry("movereject", "reject"), Map.entry("moveaccept", "accept"),
            Map.entry("movestart", "start"), Map.entry("movecomplete", "complete"), Map.entry("movecancel", "cancel"),
            Map.entry("movelockout", "lockout"), Map.entry("moveredirect", "redirect"));
    private static final Map<String, String> LOCAL_KINDS = Map.ofEntries(
            Map.entry("move.booked", "create"), Map.entry("move.approved", "approve"),
            Map.entry("move.rejected", "reject"), Map.entry("move.accepted", "accept"),
            Map.entry("move.started", "start"), Map.entry("move.completed", "complete"),
            Map.entry("move.cancelled", "cancel"), Map.entry("move.locked-out", "lockout"),
            Map.entry("move.redirected", "redirect"));

    private TimelineMerger() {
    }

    /** The neutral kind of a local history event type ("move.accepted" → "accept"); unknown types keep their name. */
    public static String localKind(String eventType) {
        return eventType == null ? "unknown" : LOCAL_KINDS.getOrDefault(eventType, eventType);
    }

    /** The neutral kind of a central event type ("MoveAccept" or "move_accept" → "accept"). */
    public static String centralKind(String eventType) {
        if (eventType == null) {
            return "unknown";
        }
        String key = eventType.replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
        return CENTRAL_KINDS.getOrDefault(key, eventType);
    }

    public static List<MergedTimelineEntry> merge(List<TimelineEntry> local, List<CentralTimelineEvent> central,
                                                  Duration tolerance) {
        List<MergedTimelineEntry> out = new ArrayList<>();
        boolean[] used = new boolean[central.size()];
        for (TimelineEntry l : local) {
            String kind = localKind(l.entry().eventType());
            Instant at = l.entry().occurredAt();
            int best = -1;
            long bestGap = Long.MAX_VALUE;
            for (int i = 0; i < central.size(); i++) {
                CentralTimelineEvent c = central.get(i);
                if (used[i] || c.occurredAt() == null || !centralKind(c.eventType()).equals(kind)) {
                    continue;
                }
                long gap = Math.abs(Duration.between(at, c.occurredAt()).toMillis());
                if (gap <= tolerance.toMillis() && gap < bestGap) {
                    best = i;
                    bestGap = gap;
                }
            }
            if (best >= 0) {
                used[best] = true;
                out.add(new MergedTimelineEntry(at, kind, TimelineSource.BOTH, l, central.get(best)));
            } else {
                out.add(new MergedTimelineEntry(at, kind, TimelineSource.LOCAL, l, null));
            }
        }
        for (int i = 0; i < central.size(); i++) {
            if (!used[i]) {
                CentralTimelineEvent c = central.get(i);
                out.add(new MergedTimelineEntry(c.occurredAt(), centralKind(c.eventType()), TimelineSource.CENTRAL,
                        null, c));
            }
        }
        out.sort(Comparator.comparing(MergedTimelineEntry::occurredAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(e -> e.local() == null ? Long.MAX_VALUE : e.local().entry().id()));
        return out;
    }
}
