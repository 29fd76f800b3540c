package org.movedesk.core.history.timeline;

import java.time.Instant;

import org.movedesk.core.history.explorer.TimelineEntry;

/**
 * One line of the merged timeline. {@code kind} is the neutral event kind both sides map to
 * (e.g. {@code accept}, {@code cancel}); {@code local} or {@code central} is null when that side
 * has no such line.
 */
public record MergedTimelineEntry(Instant occurredAt, String kind, TimelineSource source, TimelineEntry local,
                                  CentralTimelineEvent central) {
}
