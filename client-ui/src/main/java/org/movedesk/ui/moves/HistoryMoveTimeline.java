package org.movedesk.ui.moves;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.movedesk.core.history.HistoryQueries;
import org.movedesk.core.history.HistoryRow;
import org.movedesk.core.operators.Actor;
import org.movedesk.ui.common.Labels;

/** The timeline from core's history of the move, newest first, in plain words. */
@Component
public class HistoryMoveTimeline implements MoveTimeline {

    private final HistoryQueries history;

    public HistoryMoveTimeline(HistoryQueries history) {
        this.history = history;
    }

    @Override
    public List<MoveDetailViewModel.TimelineItem> forMove(Actor actor, UUID moveId) {
        List<MoveDetailViewModel.TimelineItem> items = new ArrayList<>();
        for (HistoryRow row : history.forMove(actor, moveId)) {
            StringBuilder detail = new StringBuilder();
            if (row.status() != null) {
                detail.append("Status: ").append(Labels.of(row.status()));
            }
            if (row.notes() != null && !row.notes().isBlank()) {
                detail.append(detail.length() == 0 ? "" : "  \u00b7  ").append(row.notes());
            }
            if (!"LOCAL".equals(row.source()) && row.source() != null) {
                detail.append(detail.length() == 0 ? "" : "  \u00b7  ").append("from ").append(row.source().toLowerCase());
            }
            items.add(new MoveDetailViewModel.TimelineItem(row.occurredAt(), words(row.eventType()), row.operator(),
                    detail.toString()));
        }
        Collections.reverse(items);
        return items;
    }

    /** "move.locked-out" reads "Locked out". */
    static String words(String eventType) {
        if (eventType == null || eventType.isBlank()) {
            return "";
        }
        String last = eventType.substring(eventType.lastIndexOf('.') + 1).replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }
}
