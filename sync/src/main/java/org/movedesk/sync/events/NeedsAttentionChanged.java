package org.movedesk.sync.events;

/** Published after the "needs attention" list changed, for the status bar and the list view. */
public record NeedsAttentionChanged(long openCount) {
}
