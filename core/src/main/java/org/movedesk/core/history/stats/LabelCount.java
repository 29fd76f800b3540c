package org.movedesk.core.history.stats;

/** A bar of an activity chart: a location's title or an operator's username, and the number of entries. */
public record LabelCount(String key, String label, long entries) {
}
