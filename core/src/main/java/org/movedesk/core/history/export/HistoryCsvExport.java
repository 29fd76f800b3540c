package org.movedesk.core.history.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.CancellationToken;
import org.movedesk.core.history.ProgressListener;
import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.history.explorer.ExplorerFilter;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.operators.Actor;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * CSV of every entry a filter matches (not just the page on screen), streamed: rows are read
 * in keyset chunks and written as they come, so memory stays flat for millions of rows.
 * RFC 4180 quoting by Jackson's CSV writer; UTF-8; a header row.
 */
@Service
public class HistoryCsvExport {

    static final int CHUNK = 5000;
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private final HistoryExplorer explorer;

    public HistoryCsvExport(HistoryExplorer explorer) {
        this.explorer = explorer;
    }

    /**
     * Writes to {@code target} through a temporary file next to it, moved into place at the end:
     * a cancelled or failed export leaves no partial file behind.
     */
    public ExportResult toFile(Actor actor, ExplorerFilter filter, Path target, ProgressListener progress,
                               CancellationToken cancel) {
        if (target == null || target.getFileName() == null) {
            throw new ValidationException("target", "Choose where to save the CSV file.");
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".history-export", ".part");
            ExportResult result;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                result = write(actor, filter, out, progress, cancel);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the CSV file " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temp file is harmless; the export's own outcome matters more
                }
            }
        }
    }

    /** Streams the CSV to {@code out} (left open); progress after each chunk, cancellable between chunks. */
    public ExportResult write(Actor actor, ExplorerFilter filter, OutputStream out, ProgressListener progress,
                              CancellationToken cancel) throws IOException {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.none() : cancel;
        ExplorerFilter visible = explorer.visibleTo(actor, filter);
        long total = explorer.count(actor, visible);
        Map<UUID, String> titles = explorer.locationTitles();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CsvColumns.NAMES.forEach(schema::addColumn);
        CountingStream counting = new CountingStream(new BufferedOutputStream(out, 1 << 16));
        long[] written = {0};
        listener.progress(0, total);
        try (SequenceWriter rows = CSV.writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(counting)) {
            explorer.forEachChunk(actor, visible, CHUNK, chunk -> {
                token.throwIfCancelled("The CSV export");
                try {
                    for (ExplorerEntry e : chunk) {
                        rows.write(row(e, titles));
                    }
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                written[0] += chunk.size();
                listener.progress(written[0], Math.max(total, written[0]));
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        counting.flush();
        listener.progress(written[0], written[0]);
        return new ExportResult(written[0], total, counting.count);
    }

    static List<String> row(ExplorerEntry e, Map<UUID, String> titles) {
        List<String> r = new ArrayList<>(CsvColumns.NAMES.size());
        r.add(Long.toString(e.id()));
        r.add(e.occurredAt().toString());
        r.add(e.recordedAt().toString());
        r.add(safe(e.operator()));
        r.add(safe(e.deskId()));
        r.add(e.eventType());
        r.add(e.aggregateType().name());
        r.add(safe(e.aggregateId()));
        r.add(safe(e.moveReference()));
        r.add(safe(e.prisonNumber()));
        r.add(e.moveType() == null ? "" : e.moveType().apiValue());
        r.add(e.status() == null ? "" : e.status().apiValue());
        r.add(e.locationId() == null ? "" : safe(titles.getOrDefault(e.locationId(), e.locationId().toString())));
        r.add(e.toLocationId() == null ? "" : safe(titles.getOrDefault(e.toLocationId(), e.toLocationId().toString())));
        r.add(e.syncState() == null ? "" : e.syncState().name());
        r.add(safe(e.source()));
        r.add(safe(e.notes()));
        return r;
    }

    /**
     * Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, the
     * usual guard against CSV injection; the value is otherwise unchanged.
     */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
