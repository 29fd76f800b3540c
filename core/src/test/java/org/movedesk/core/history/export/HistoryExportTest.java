package org.movedesk.core.history.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.history.CancellationToken;
import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.history.explorer.ExplorerFilter;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** Exports are read back: the CSV parsed and compared with the explorer, the PDF opened and its text checked. */
class HistoryExportTest extends CoreIntegrationTest {

    @Autowired
    HistoryCsvExport csv;
    @Autowired
    HistoryPdfReport pdf;
    @Autowired
    HistoryExplorer explorer;
    @Autowired
    MoveService moves;

    Actor clerk;
    List<Move> booked = new ArrayList<>();

    @BeforeEach
    void recordSomeHistory() {
        clerk = new Actor("export-" + UUID.randomUUID().toString().substring(0, 6), Set.of(Role.PRISON_STAFF),
                StoreFixture.DESK);
        String[] notes = {"Escort, \"urgent\"; needs a wheelchair", "=HYPERLINK(\"http://x\")", "line one\nline two",
                null, "Dziękuję — café"};
        for (String n : notes) {
            booked.add(moves.book(clerk, new BookMove(fixture.knownPerson("Export").getId(), MoveType.PRISON_TRANSFER,
                    StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.uniqueDate(), LocalTime.of(8, 0), n, false)));
            clock.advance(Duration.ofSeconds(2));
        }
        moves.cancel(clerk, booked.get(0).getId(), null, CancellationReason.MADE_IN_ERROR, null);
    }

    private ExplorerFilter mine() {
        return ExplorerFilter.builder().operator(clerk.username()).build();
    }

    @Test
    void csvHoldsEveryMatchingRowAndReadsBackToTheSameValues() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<long[]> progress = new ArrayList<>();
        ExportResult r = csv.write(StoreFixture.supervisor(), mine(), out, (done, total) -> progress.add(new long[] {done, total}),
                null);

        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .readValues(out.toString(StandardCharsets.UTF_8))) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows.get(0)).containsExactlyElementsOf(CsvColumns.NAMES);
        List<ExplorerEntry> expected = explorer.page(StoreFixture.supervisor(), mine(), null, 100).entries();
        assertThat(rows).hasSize(expected.size() + 1);
        assertThat(r.rows()).isEqualTo(6).isEqualTo(expected.size());
        assertThat(r.matching()).isEqualTo(6);
        for (int i = 0; i < expected.size(); i++) {
            ExplorerEntry e = expected.get(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(Long.toString(e.id()));
            assertThat(row.get(1)).isEqualTo(e.occurredAt().toString());
            assertThat(row.get(3)).isEqualTo(clerk.username());
            assertThat(row.get(5)).isEqualTo(e.eventType());
            assertThat(row.get(12)).isEqualTo("HMP Moorland");
            assertThat(row.get(13)).isEqualTo("HMP Leeds");
            assertThat(row.get(14)).isEqualTo("RECORDED_OFFLINE");
            String notes = e.notes() == null ? "" : e.notes().startsWith("=") ? "'" + e.notes() : e.notes();
            assertThat(row.get(16)).isEqualTo(notes);
        }
        assertThat(rows).extracting(row -> row.get(16)).contains("Escort, \"urgent\"; needs a wheelchair",
                "line one\nline two", "Dziękuję — café", "'=HYPERLINK(\"http://x\")");
        assertThat(progress.get(progress.size() - 1)).containsExactly(6, 6);
    }

    @Test
    void csvToFileWritesAtomicallyAndACancelledExportLeavesNothing(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("history.csv");
        ExportResult r = csv.toFile(StoreFixture.supervisor(), mine(), target, null, null);
        assertThat(Files.readAllLines(target)).hasSizeGreaterThan(6);
        assertThat(r.bytes()).isEqualTo(Files.size(target));

        CancellationToken token = new CancellationToken();
        token.cancel();
        Path cancelled = dir.resolve("cancelled.csv");
        assertThatThrownBy(() -> csv.toFile(StoreFixture.supervisor(), mine(), cancelled, null, token))
                .isInstanceOf(CancellationToken.Cancelled.class).hasMessageContaining("cancelled");
        assertThat(cancelled).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void smallChunksGiveTheSameBytesAndACancelMidwayStopsTheReaderAndLeavesNothing(@TempDir Path dir) throws Exception {
        // chunks of 2 rows: the reading thread runs ahead of the writer through a full queue
        HistoryCsvExport small = new HistoryCsvExport(explorer);
        small.chunkSize = 2;
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        csv.write(StoreFixture.supervisor(), mine(), whole, null, null);
        ExportResult r = small.write(StoreFixture.supervisor(), mine(), chunked, null, null);
        assertThat(chunked.toByteArray()).isEqualTo(whole.toByteArray());
        assertThat(r.rows()).isGreaterThan(4);

        CancellationToken token = new CancellationToken();
        Path target = dir.resolve("midway.csv");
        assertThatThrownBy(() -> small.toFile(StoreFixture.supervisor(), mine(), target, (done, total) -> {
            if (done >= 2) {
                token.cancel();
            }
        }, token)).isInstanceOf(CancellationToken.Cancelled.class).hasMessageContaining("CSV export was cancelled");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("history-csv-reader"));
    }

    @Test
    void aClerkCannotExportAnotherOperatorsActivity() {
        Actor other = new Actor("someone-else", Set.of(Role.PRISON_STAFF), StoreFixture.DESK);
        assertThatThrownBy(() -> csv.write(other, mine(), new ByteArrayOutputStream(), null, null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> pdf.write(other, mine(), null, new ByteArrayOutputStream(), null, null))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void pdfShowsFiltersSummaryDrawnChartsAndABoundedTable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportResult r = pdf.write(StoreFixture.supervisor(), mine(),
                new HistoryPdfReport.ReportOptions("Supervisor review", Map.of(), 4, ZoneOffset.UTC), out, null, null);

        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.matching()).isEqualTo(6);
        PdfReader reader = new PdfReader(out.toByteArray());
        try {
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            PdfTextExtractor text = new PdfTextExtractor(reader);
            String first = text.getTextFromPage(1);
            assertThat(first).contains("Supervisor review").contains("Operators: " + clerk.username())
                    .contains("Entries matching: 6").contains("Activity per operator");
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                all.append(text.getTextFromPage(p)).append('\n');
            }
            assertThat(all).contains("Showing the first 4 of 6 entries; the CSV export holds all of them.")
                    .contains("move.cancelled").contains(booked.get(0).getPerson().getPrisonNumber());
            // the drawn bar chart labels its bar with the operator and the count
            assertThat(all.toString()).contains(clerk.username());
        } finally {
            reader.close();
        }
    }

    @Test
    void pdfEmbedsChartImagesFromTheUiAndRefusesNonImages() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ByteArrayOutputStream withImage = new ByteArrayOutputStream();
        pdf.write(StoreFixture.supervisor(), mine(), new HistoryPdfReport.ReportOptions(null,
                Map.of(HistoryPdfReport.CHART_OPERATORS, png.toByteArray()), 10, null), withImage, null, null);
        PdfReader reader = new PdfReader(withImage.toByteArray());
        assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        reader.close();

        assertThatThrownBy(() -> pdf.write(StoreFixture.supervisor(), mine(), new HistoryPdfReport.ReportOptions(null,
                Map.of(HistoryPdfReport.CHART_REASONS, "not a picture".getBytes()), 10, null),
                new ByteArrayOutputStream(), null, null))
                .hasMessageContaining("chart image 'reasons' is not a PNG");
        assertThatThrownBy(() -> new HistoryPdfReport.ReportOptions(null, null, 50_000, null))
                .hasMessageContaining("use the CSV export");
    }
}
