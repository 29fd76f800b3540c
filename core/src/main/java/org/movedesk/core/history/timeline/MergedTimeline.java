package org.movedesk.core.history.timeline;

import java.util.List;

/**
 * A move's local and central history as one list, oldest first.
 *
 * @param centralAvailable false when the centre could not be asked (or the move has no central id
 *                         yet): every line is then LOCAL, which says nothing about the centre
 */
public record MergedTimeline(List<MergedTimelineEntry> entries, boolean centralAvailable, String note) {
}
