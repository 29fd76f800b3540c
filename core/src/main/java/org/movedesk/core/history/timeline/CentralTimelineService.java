package org.movedesk.core.history.timeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.history.explorer.TimelineEntry;
import org.movedesk.core.operators.Actor;
import org.springframework.stereotype.Service;

/** A move's timeline as the desk and the centre know it, each line marked LOCAL, CENTRAL or BOTH. */
@Service
public class CentralTimelineService {

    private final HistoryExplorer explorer;

    public CentralTimelineService(HistoryExplorer explorer) {
        this.explorer = explorer;
    }

    public MergedTimeline merged(Actor actor, UUID moveId, CentralTimelineSource source) {
        return merged(actor, moveId, source, TimelineMerger.DEFAULT_TOLERANCE);
    }

    public MergedTimeline merged(Actor actor, UUID moveId, CentralTimelineSource source, Duration tolerance) {
        List<TimelineEntry> local = explorer.moveTimeline(actor, moveId);
        Optional<String> centralId = explorer.centralMoveId(moveId);
        if (centralId.isEmpty()) {
            return new MergedTimeline(TimelineMerger.merge(local, List.of(), tolerance), false,
                    "The centre does not know this move yet (not synced); showing this desk's history only.");
        }
        Optional<List<CentralTimelineEvent>> central;
        try {
            central = source.fetch(centralId.get());
        } catch (RuntimeException e) {
            central = Optional.empty();
        }
        if (central.isEmpty()) {
            return new MergedTimeline(TimelineMerger.merge(local, List.of(), tolerance), false,
                    "The central timeline could not be fetched (offline?); showing this desk's history only.");
        }
        return new MergedTimeline(TimelineMerger.merge(local, central.get(), tolerance), true, null);
    }
}
