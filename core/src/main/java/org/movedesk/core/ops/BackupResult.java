package org.movedesk.core.ops;

import java.nio.file.Path;
import java.time.Instant;

/** A backup file written: where, when, how big. */
public record BackupResult(Path file, Instant takenAt, long bytes) {
}
