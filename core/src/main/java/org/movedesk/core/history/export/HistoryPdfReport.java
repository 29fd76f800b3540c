package org.movedesk.core.history.export;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.movedesk.core.history.CancellationToken;
import org.movedesk.core.history.ProgressListener;
import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.history.explorer.ExplorerFilter;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.history.stats.DurationStats;
import org.movedesk.core.history.stats.HistoryStats;
import org.movedesk.core.history.stats.LabelCount;
import org.movedesk.core.history.stats.ReasonCount;
import org.movedesk.core.operators.Actor;
import org.springframework.stereotype.Service;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The PDF report of a filtered history view: the filters in words, summary figures, charts and
 * the table. Charts come as PNG snapshots from the UI when it has them; otherwise simple bar
 * charts are drawn here. The table is bounded ({@link ReportOptions#maxTableRows()}) so the file
 * stays small; the CSV export holds every row.
 */
@Service
public class HistoryPdfReport {

    /** Keys of the charts the UI may hand over as PNGs (any other key is ignored). */
    public static final String CHART_OPERATORS = "operators";
    public static final String CHART_LOCATIONS = "locations";
    public static final String CHART_REASONS = "reasons";
    public static final String CHART_BOOKED_TO_COMPLETED = "bookedToCompleted";

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7);
    private static final Font SMALL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);

    private final HistoryExplorer explorer;
    private final HistoryStats stats;

    public HistoryPdfReport(HistoryExplorer explorer, HistoryStats stats) {
        this.explorer = explorer;
        this.stats = stats;
    }

    /**
     * @param title        report title (null = "MoveDesk history report")
     * @param chartImages  PNG bytes by chart key ({@link #CHART_OPERATORS} ...), may be empty
     * @param maxTableRows table rows at most (1 to 20,000)
     * @param zone         time zone the report shows times in
     */
    public record ReportOptions(String title, Map<String, byte[]> chartImages, int maxTableRows, ZoneId zone) {

        public static final int DEFAULT_MAX_ROWS = 5000;

        public ReportOptions {
            title = title == null || title.isBlank() ? "MoveDesk history report" : title;
            chartImages = chartImages == null ? Map.of() : Map.copyOf(chartImages);
            if (maxTableRows < 1 || maxTableRows > 20_000) {
                throw new org.movedesk.core.common.ValidationException("maxTableRows",
                        "The report table holds 1 to 20,000 rows (" + maxTableRows + " asked); use the CSV export for more.");
            }
            zone = zone == null ? ZoneId.of("Europe/London") : zone;
        }

        public static ReportOptions defaults() {
            return new ReportOptions(null, Map.of(), DEFAULT_MAX_ROWS, null);
        }
    }

    public ExportResult write(Actor actor, ExplorerFilter filter, ReportOptions options, OutputStream out,
                              ProgressListener progress, CancellationToken cancel) throws IOException {
        ReportOptions o = options == null ? ReportOptions.defaults() : options;
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.none() : cancel;
        ExplorerFilter f = explorer.visibleTo(actor, filter);
        long matching = explorer.count(actor, f);
        long tableRows = Math.min(matching, o.maxTableRows());
        listener.progress(0, tableRows);

        List<LabelCount> operators = stats.activityPerOperator(actor, f);
        List<LabelCount> locations = stats.activityPerLocation(actor, f);
        List<ReasonCount> reasons = stats.cancellationsByReason(actor, f);
        DurationStats durations = stats.bookedToCompleted(actor, f);
        token.throwIfCancelled("The PDF report");

        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        CountingOutputStream counting = new CountingOutputStream(out);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, counting);
            writer.setCloseStream(false);
            doc.addTitle(o.title());
            doc.addCreator("MoveDesk");
            doc.open();
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(o.zone());
            doc.add(new Paragraph(o.title(), TITLE));
            doc.add(new Paragraph("Prepared for " + actor.username() + " at "
                    + time.format(java.time.Instant.now()) + " (" + o.zone() + ")", BODY));

            doc.add(new Paragraph("Filters", HEADING));
            for (String line : describe(f, time)) {
                doc.add(new Paragraph(line, BODY));
            }

            doc.add(new Paragraph("Summary", HEADING));
            doc.add(new Paragraph("Entries matching: " + String.format("%,d", matching), BODY));
            doc.add(new Paragraph("Operators active: " + operators.size() + "; locations: " + locations.size(), BODY));
            long cancelled = reasons.stream().filter(r -> r.kind().equals("cancelled")).mapToLong(ReasonCount::moves).sum();
            long rejected = reasons.stream().filter(r -> r.kind().equals("rejected")).mapToLong(ReasonCount::moves).sum();
            doc.add(new Paragraph("Moves cancelled: " + String.format("%,d", cancelled) + "; rejected: "
                    + String.format("%,d", rejected), BODY));
            doc.add(new Paragraph("Booked to completed: " + durations.moves() + " moves; median "
                    + human(durations.p50()) + ", 95th percentile " + human(durations.p95()), BODY));

            PdfContentByte canvas = writer.getDirectContent();
            addChart(doc, canvas, o, CHART_OPERATORS, "Activity per operator (top 12)",
                    top(operators.stream().collect(Collectors.toMap(LabelCount::label, LabelCount::entries, Long::sum,
                            LinkedHashMap::new)), 12));
            addChart(doc, canvas, o, CHART_LOCATIONS, "Activity per location (top 12)",
                    top(locations.stream().collect(Collectors.toMap(LabelCount::label, LabelCount::entries, Long::sum,
                            LinkedHashMap::new)), 12));
            Map<String, Long> byReason = new LinkedHashMap<>();
            reasons.forEach(r -> byReason.merge(r.kind() + ": " + r.reason(), r.moves(), Long::sum));
            addChart(doc, canvas, o, CHART_REASONS, "Cancellations and rejections by reason", top(byReason, 12));
            Map<String, Long> buckets = new LinkedHashMap<>();
            durations.buckets().forEach(b -> buckets.put(b.label(), b.moves()));
            addChart(doc, canvas, o, CHART_BOOKED_TO_COMPLETED, "Time from booked to completed", buckets);

            doc.newPage();
            doc.add(new Paragraph("Entries (newest first)", HEADING));
            if (matching > tableRows) {
                doc.add(new Paragraph("Showing the first " + String.format("%,d", tableRows) + " of "
                        + String.format("%,d", matching) + " entries; the CSV export holds all of them.", BODY));
            }
            Map<UUID, String> titles = explorer.locationTitles();
            PdfPTable table = table();
            long[] written = {0};
            explorer.forEachChunk(actor, f, (int) Math.min(HistoryExplorer.MAX_CHUNK, Math.max(1, tableRows)), chunk -> {
                token.throwIfCancelled("The PDF report");
                for (ExplorerEntry e : chunk) {
                    if (written[0] >= tableRows) {
                        return false;
                    }
                    addRow(table, e, titles, time);
                    written[0]++;
                }
                listener.progress(written[0], tableRows);
                return written[0] < tableRows;
            });
            doc.add(table);
            doc.close();
            listener.progress(written[0], tableRows);
            return new ExportResult(written[0], matching, counting.count);
        } catch (DocumentException e) {
            throw new IOException("Could not build the PDF report: " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
    }

    static List<String> describe(ExplorerFilter f, DateTimeFormatter time) {
        List<String> lines = new ArrayList<>();
        if (f.from() != null || f.to() != null) {
            lines.add("Occurred: " + (f.from() == null ? "any time" : "from " + time.format(f.from()))
                    + (f.to() == null ? "" : " until " + time.format(f.to())));
        }
        add(lines, "Locations (from or to)", f.locationIds());
        add(lines, "Desks", f.deskIds());
        add(lines, "Operators", f.operators());
        add(lines, "Event types", f.eventTypes());
        add(lines, "Move types", f.moveTypes());
        add(lines, "Statuses", f.statuses());
        if (f.text() != null) {
            lines.add("Notes contain: " + f.text());
        }
        if (f.aggregateId() != null) {
            lines.add("Record: " + (f.aggregateType() == null ? "" : f.aggregateType() + " ") + f.aggregateId());
        }
        if (f.prisonNumber() != null) {
            lines.add("Prison number: " + f.prisonNumber());
        }
        if (f.moveReference() != null) {
            lines.add("Move reference: " + f.moveReference());
        }
        if (lines.isEmpty()) {
            lines.add("None: every entry.");
        }
        return lines;
    }

    private static void add(List<String> lines, String label, java.util.Collection<?> values) {
        if (!values.isEmpty()) {
            lines.add(label + ": " + values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
    }

    private void addChart(Document doc, PdfContentByte canvas, ReportOptions o, String key, String title,
                          Map<String, Long> bars) throws DocumentException, IOException {
        doc.add(new Paragraph(title, HEADING));
        byte[] png = o.chartImages().get(key);
        Image image;
        if (png != null) {
            try {
                image = Image.getInstance(png);
            } catch (IOException | RuntimeException notAnImage) {
                throw new org.movedesk.core.common.ValidationException("chartImages",
                        "The chart image '" + key + "' is not a PNG or JPEG picture.");
            }
            image.scaleToFit(760, 200);
        } else if (bars.isEmpty()) {
            doc.add(new Paragraph("No data.", BODY));
            return;
        } else {
            image = Image.getInstance(barChart(canvas, bars));
        }
        image.setAlignment(Element.ALIGN_LEFT);
        doc.add(image);
    }

    /** A horizontal bar chart drawn with the content byte API: one labelled bar per entry. */
    static PdfTemplate barChart(PdfContentByte canvas, Map<String, Long> bars) {
        float rowHeight = 13;
        float labelWidth = 230;
        float barArea = 450;
        float width = labelWidth + barArea + 70;
        float height = rowHeight * bars.size() + 6;
        PdfTemplate t = canvas.createTemplate(width, height);
        long max = bars.values().stream().mapToLong(Long::longValue).max().orElse(1);
        BaseFont font = SMALL.getCalculatedBaseFont(false);
        float y = height - rowHeight;
        for (Map.Entry<String, Long> bar : bars.entrySet()) {
            float length = max == 0 ? 0 : barArea * bar.getValue() / max;
            t.setColorFill(new Color(0x3b, 0x6e, 0xa5));
            t.rectangle(labelWidth, y + 2, Math.max(length, 0.5f), rowHeight - 4);
            t.fill();
            t.setColorFill(Color.DARK_GRAY);
            t.beginText();
            t.setFontAndSize(font, 7);
            t.showTextAligned(Element.ALIGN_RIGHT, clip(bar.getKey(), 60), labelWidth - 4, y + 4, 0);
            t.showTextAligned(Element.ALIGN_LEFT, String.format("%,d", bar.getValue()), labelWidth + length + 4, y + 4, 0);
            t.endText();
            y -= rowHeight;
        }
        return t;
    }

    private static Map<String, Long> top(Map<String, Long> values, int n) {
        Map<String, Long> out = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static PdfPTable table() throws DocumentException {
        String[] headers = {"Occurred", "Operator", "Desk", "Event", "Reference", "Prison no.", "Status", "From", "To",
                "Central", "Notes"};
        PdfPTable table = new PdfPTable(headers.length);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {9, 6, 6, 8, 6, 6, 6, 10, 10, 8, 25});
        table.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, SMALL_BOLD));
            cell.setBackgroundColor(new Color(0xe8, 0xee, 0xf4));
            table.addCell(cell);
        }
        return table;
    }

    private static void addRow(PdfPTable table, ExplorerEntry e, Map<UUID, String> titles, DateTimeFormatter time) {
        cell(table, time.format(e.occurredAt()));
        cell(table, e.operator());
        cell(table, e.deskId());
        cell(table, e.eventType());
        cell(table, e.moveReference());
        cell(table, e.prisonNumber());
        cell(table, e.status() == null ? "" : e.status().apiValue());
        cell(table, e.locationId() == null ? "" : titles.getOrDefault(e.locationId(), e.locationId().toString()));
        cell(table, e.toLocationId() == null ? "" : titles.getOrDefault(e.toLocationId(), e.toLocationId().toString()));
        cell(table, e.syncState() == null ? "" : e.syncState().label());
        cell(table, clip(e.notes(), 160));
    }

    private static void cell(PdfPTable table, String text) {
        table.addCell(new PdfPCell(new Phrase(new Chunk(text == null ? "" : text, SMALL))));
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String human(Duration d) {
        if (d == null) {
            return "-";
        }
        long h = d.toHours();
        return h >= 48 ? d.toDays() + " d " + (h % 24) + " h" : h + " h " + d.toMinutesPart() + " min";
    }
}
