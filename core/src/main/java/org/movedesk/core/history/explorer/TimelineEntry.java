package org.movedesk.core.history.explorer;

import java.util.List;

/** A drill-down line: the entry, the field-level changes it made and the raw bodies. */
public record TimelineEntry(ExplorerEntry entry, List<FieldChange> changes, String beforeJson, String afterJson) {
}
