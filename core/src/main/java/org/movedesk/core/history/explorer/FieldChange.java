package org.movedesk.core.history.explorer;

/** One field an entry changed: its JSON path ("status", "address.town") and the values as text (null = absent). */
public record FieldChange(String field, String before, String after) {
}
