package org.movedesk.core.moves;

import java.util.List;
import java.util.Map;

/**
 * One day of moves at a desk, as the dashboard shows it: the first rows in time order, how many
 * there are in all, and how many are in each status (over all of them, not only the rows read).
 */
public record MoveDay(List<MoveRow> rows, long total, Map<MoveStatus, Long> counts) {

    public MoveDay {
        rows = List.copyOf(rows);
        counts = Map.copyOf(counts);
    }
}
