package org.movedesk.core.history.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.CancellationToken;
import org.movedesk.core.history.ProgressListener;
import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.history.explorer.ExplorerFilter;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.operators.Actor;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * CSV of every entry a filter matches (not just the page on screen), streamed: rows are read
 * in keyset chunks and written as they come, so memory stays flat for millions of rows.
 * RFC 4180 quoting by Jackson's CSV writer; UTF-8; a header row. The rows are read (H2's row
 * decoding) on a thread of their own while the caller's thread formats and writes the previous
 * chunks, so the two halves of the work overlap on two cores; a small bounded queue between them
 * keeps memory flat.
 */
@Service
public class HistoryCsvExport {

    static final int CHUNK = 5000;
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private final HistoryExplorer explorer;
    /** Rows per chunk; tests shrink it to see several chunks in flight. */
    int chunkSize = CHUNK;

    public HistoryCsvExport(HistoryExplorer explorer) {
        this.explorer = explorer;
    }

    /**
     * Writes to {@code target} through a temporary file next to it, moved into place at the end:
     * a cancelled or failed export leaves no partial file behind.
     */
    public ExportResult toFile(Actor actor, ExplorerFilter filter, Path target, ProgressListener progress,
                               CancellationToken cancel) {
        HistoryExplorer.requireReader(actor);
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
        HistoryExplorer.requireReader(actor);
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.none() : cancel;
        ExplorerFilter visible = explorer.visibleTo(actor, filter);
        long total = explorer.count(actor, visible);
        Map<UUID, String> titles = explorer.locationTitles();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
        CsvColumns.NAMES.forEach(schema::addColumn);
        CountingOutputStream counting = new CountingOutputStream(new BufferedOutputStream(out, 1 << 16));
        long[] written = {0};
        listener.progress(0, total);
        // the generator's own calls, one cell at a time: no list and no data-binding per row
        // (the export's profile showed both); the header is written as a row of its own, so an
        // empty export still names its columns
        try (CsvGenerator csv = CSV.getFactory().createGenerator(counting)) {
            csv.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            csv.setSchema(schema.build());
            csv.writeStartArray();
            for (String name : CsvColumns.NAMES) {
                csv.writeString(name);
            }
            csv.writeEndArray();
            ChunkReader reader = new ChunkReader(explorer, actor, visible, chunkSize, token);
            try {
                for (List<ExplorerEntry> chunk = reader.next(); chunk != null; chunk = reader.next()) {
                    token.throwIfCancelled("The CSV export");
                    for (ExplorerEntry e : chunk) {
                        write(csv, e, titles);
                    }
                    written[0] += chunk.size();
                    listener.progress(written[0], Math.max(total, written[0]));
                }
            } finally {
                reader.stop();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        counting.flush();
        listener.progress(written[0], written[0]);
        return new ExportResult(written[0], total, counting.count);
    }

    private static void write(CsvGenerator csv, ExplorerEntry e, Map<UUID, String> titles) throws IOException {
        csv.writeStartArray();
        csv.writeString(Long.toString(e.id()));
        csv.writeString(e.occurredAt().toString());
        csv.writeString(e.recordedAt().toString());
        csv.writeString(safe(e.operator()));
        csv.writeString(safe(e.deskId()));
        csv.writeString(e.eventType());
        csv.writeString(e.aggregateType().name());
        csv.writeString(safe(e.aggregateId()));
        csv.writeString(safe(e.moveReference()));
        csv.writeString(safe(e.prisonNumber()));
        csv.writeString(e.moveType() == null ? "" : e.moveType().apiValue());
        csv.writeString(e.status() == null ? "" : e.status().apiValue());
        csv.writeString(e.locationId() == null ? "" : safe(titles.getOrDefault(e.locationId(), e.locationId().toString())));
        csv.writeString(e.toLocationId() == null ? "" : safe(titles.getOrDefault(e.toLocationId(), e.toLocationId().toString())));
        csv.writeString(e.syncState() == null ? "" : e.syncState().name());
        csv.writeString(safe(e.source()));
        csv.writeString(safe(e.notes()));
        csv.writeEndArray();
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

    /**
     * Reads the filter's chunks on its own thread into a queue of at most {@link #QUEUED} chunks
     * (so at most ~QUEUED + 2 chunks live at once). The caller takes them with {@link #next()};
     * a failure on the reading side (a cancel included) is re-thrown to the caller as it was.
     */
    private static final class ChunkReader {
        static final int QUEUED = 3;
        private static final List<ExplorerEntry> END = new ArrayList<>(0);

        private final BlockingQueue<List<ExplorerEntry>> queue = new ArrayBlockingQueue<>(QUEUED);
        private final Thread thread;
        private volatile boolean stopped;
        private volatile Throwable failure;

        ChunkReader(HistoryExplorer explorer, Actor actor, ExplorerFilter filter, int chunkSize, CancellationToken token) {
            thread = new Thread(() -> {
                try {
                    explorer.forEachChunk(actor, filter, chunkSize, chunk -> {
                        token.throwIfCancelled("The CSV export");
                        return hand(chunk);
                    });
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    hand(END);
                }
            }, "history-csv-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Waits for room in the queue; false once the caller has stopped taking. No interrupt
         * is used to stop the reader: an interrupt inside H2's file access can close the store's
         * file channel.
         */
        private boolean hand(List<ExplorerEntry> chunk) {
            try {
                while (!stopped) {
                    if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        /** The next chunk, or null after the last; re-throws the reader's failure. */
        List<ExplorerEntry> next() throws IOException {
            List<ExplorerEntry> chunk;
            try {
                chunk = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("The CSV export was interrupted.");
            }
            if (chunk != END) {
                return chunk;
            }
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) {
                throw new IllegalStateException(t.getMessage(), t);
            }
            return null;
        }

        /** Stops the reader (if still reading) and waits for it, so its connection is back in the pool. */
        void stop() {
            stopped = true;
            queue.clear();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
