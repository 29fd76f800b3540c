package org.movedesk.core.history.export;

/** What an export wrote: {@code rows} entries (for a PDF: table rows) of {@code matching} that the filter matched. */
public record ExportResult(long rows, long matching, long bytes) {
}
