package org.movedesk.core.history.explorer;

import java.util.List;

/** One page, newest first; {@code next} is null on the last page. */
public record ExplorerPage(List<ExplorerEntry> entries, HistoryCursor next) {

    public boolean hasNext() {
        return next != null;
    }
}
