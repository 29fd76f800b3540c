package org.movedesk.ui.supervisor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import org.movedesk.core.history.CancellationToken;
import org.movedesk.core.history.HistoryChainCheck;
import org.movedesk.core.history.ProgressListener;
import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.history.explorer.ExplorerFilter;
import org.movedesk.core.history.explorer.ExplorerPage;
import org.movedesk.core.history.explorer.HistoryCursor;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.history.export.ExportResult;
import org.movedesk.core.history.export.HistoryCsvExport;
import org.movedesk.core.history.export.HistoryPdfReport;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskHandle;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiSettings;

/**
 * The supervisor's history explorer: the filters, one keyset page at a time (read in the
 * background, never the whole history), CSV and PDF exports of the whole filtered view with
 * progress and cancel, and "Verify history". Plain Java; the view only binds to it.
 */
public class HistoryExplorerViewModel {

    /** Event types a supervisor filters by, as core records them. */
    public static final List<String> EVENT_TYPES = List.of("move.booked", "move.approved", "move.rejected",
            "move.accepted", "move.started", "move.completed", "move.cancelled", "move.redirected", "move.rebooked",
            "move.linked", "move.refreshed", "person.recorded", "person.refreshed", "patient.discharged",
            "patient.removed", "patient.refreshed", "outbox.discarded", "outbox.resent", "operator.created",
            "operator.enabled", "operator.disabled", "operator.locked", "desk.renamed");

    public static final int PAGE_SIZE = 100;
    static final String SETTINGS = "history.filter.";

    /** A location the filter may name. */
    public record Choice(String key, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final HistoryExplorer explorer;
    private final HistoryCsvExport csv;
    private final HistoryPdfReport pdf;
    private final HistoryChainCheck chain;
    private final Session session;
    private final TaskRunner tasks;
    private final UiSettings settings;
    private final ZoneId zone;

    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final ObservableSet<UUID> locations = FXCollections.observableSet();
    private final StringProperty desk = new SimpleStringProperty("");
    private final ObservableSet<String> operators = FXCollections.observableSet();
    private final ObservableSet<String> eventTypes = FXCollections.observableSet();
    private final ObservableSet<MoveType> moveTypes = FXCollections.observableSet();
    private final ObservableSet<MoveStatus> statuses = FXCollections.observableSet();
    private final StringProperty text = new SimpleStringProperty("");

    private final ObservableList<ExplorerEntry> rows = FXCollections.observableArrayList();
    private final Deque<HistoryCursor> previousStarts = new ArrayDeque<>();
    private HistoryCursor currentStart;
    private HistoryCursor nextStart;
    private ExplorerFilter applied = ExplorerFilter.all();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper seesEveryone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper filterChanges = new ReadOnlyStringWrapper("");
    private long requestNumber;
    private int pageSize = PAGE_SIZE;

    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper workProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper workMessage = new ReadOnlyStringWrapper("");
    private final BooleanProperty lastVerifyIntact = new SimpleBooleanProperty(false);
    private TaskHandle runningWork;

    private final ObservableList<String> operatorChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice> locationChoices = FXCollections.observableArrayList();
    private java.util.function.Function<Actor, List<String>> operatorNames = actor -> List.of(actor.username());

    public HistoryExplorerViewModel(HistoryExplorer explorer, HistoryCsvExport csv, HistoryPdfReport pdf,
                                    HistoryChainCheck chain, Session session, TaskRunner tasks, UiSettings settings,
                                    ZoneId zone) {
        this.explorer = explorer;
        this.csv = csv;
        this.pdf = pdf;
        this.chain = chain;
        this.session = session;
        this.tasks = tasks;
        this.settings = settings;
        this.zone = zone;
        restoreFilters();
    }

    /** Where the operator filter's names come from (the operator list, for supervisors). */
    public void operatorNamesFrom(java.util.function.Function<Actor, List<String>> source) {
        this.operatorNames = source;
    }

    /** Fills the location and operator pickers in the background. */
    public void loadChoices() {
        Actor actor = session.require();
        seesEveryone.set(HistoryExplorer.seesEveryone(actor));
        tasks.run(BackgroundTask.of("Reading filter choices", progress -> new Object[] {
                explorer.locationTitles(),
                HistoryExplorer.seesEveryone(actor) ? operatorNames.apply(actor) : List.of(actor.username())})
                .quiet().onSuccess(answer -> {
                    @SuppressWarnings("unchecked")
                    Map<UUID, String> titles = (Map<UUID, String>) answer[0];
                    @SuppressWarnings("unchecked")
                    List<String> names = (List<String>) answer[1];
                    locationChoices.setAll(titles.entrySet().stream()
                            .map(e -> new Choice(e.getKey().toString(), e.getValue()))
                            .sorted(java.util.Comparator.comparing(Choice::label)).toList());
                    operatorChoices.setAll(names);
                }).onFailure(failure -> error.set(ErrorMessages.forUser(failure))));
    }

    public ObservableList<String> operatorChoices() { return operatorChoices; }
    public ObservableList<Choice> locationChoices() { return locationChoices; }

    // ---- filters --------------------------------------------------------------------------

    /** The filter as the user has set it, limited to what this operator may see. */
    public ExplorerFilter filter() {
        ExplorerFilter.Builder b = ExplorerFilter.builder();
        if (fromDate.get() != null || toDate.get() != null) {
            b.between(fromDate.get() == null ? null : fromDate.get().atStartOfDay(zone).toInstant(),
                    toDate.get() == null ? null : toDate.get().plusDays(1).atStartOfDay(zone).toInstant());
        }
        b.locations(Set.copyOf(locations));
        if (desk.get() != null && !desk.get().isBlank()) {
            b.desks(Arrays.stream(desk.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        if (seesEveryone.get()) {
            b.operators(Set.copyOf(operators));
        }
        b.eventTypes(Set.copyOf(eventTypes)).moveTypes(Set.copyOf(moveTypes)).statuses(Set.copyOf(statuses));
        if (text.get() != null && !text.get().isBlank()) {
            b.text(text.get().trim());
        }
        return b.build();
    }

    /** Reads the first page for the current filters (Enter). Bad filters show their sentence, the old rows stay. */
    public void applyFilters() {
        Actor actor = session.require();
        seesEveryone.set(HistoryExplorer.seesEveryone(actor));
        ExplorerFilter wanted;
        try {
            wanted = filter();
        } catch (RuntimeException bad) {
            error.set(ErrorMessages.forUser(bad));
            return;
        }
        applied = wanted;
        rememberFilters();
        previousStarts.clear();
        currentStart = null;
        page.set(0);
        load(true);
    }

    /** Escape: every filter back to empty, then the first page of everything visible. */
    public void clearFilters() {
        fromDate.set(null);
        toDate.set(null);
        locations.clear();
        desk.set("");
        operators.clear();
        eventTypes.clear();
        moveTypes.clear();
        statuses.clear();
        text.set("");
        filterChanges.set("cleared");
        applyFilters();
    }

    public void nextPage() {
        if (!hasNext.get() || loading.get()) {
            return;
        }
        previousStarts.push(currentStart == null ? new HistoryCursor(null, -1) : currentStart);
        currentStart = nextStart;
        page.set(page.get() + 1);
        load(false);
    }

    public void previousPage() {
        if (previousStarts.isEmpty() || loading.get()) {
            return;
        }
        HistoryCursor start = previousStarts.pop();
        currentStart = start.id() < 0 ? null : start;
        page.set(page.get() - 1);
        load(false);
    }

    private void load(boolean countToo) {
        Actor actor = session.require();
        ExplorerFilter filter = applied;
        HistoryCursor start = currentStart;
        long request = ++requestNumber;
        loading.set(true);
        tasks.run(BackgroundTask.of("Reading history", progress -> {
            ExplorerPage result = explorer.page(actor, filter, start, pageSize);
            long count = countToo ? explorer.count(actor, filter) : -1;
            return new Object[] {result, count};
        }).quiet().onSuccess(answer -> {
            if (request != requestNumber) {
                return; // an older read finishing late must not replace the newer filter's rows
            }
            ExplorerPage result = (ExplorerPage) answer[0];
            long count = (Long) answer[1];
            rows.setAll(result.entries());
            nextStart = result.next();
            hasNext.set(result.hasNext());
            error.set("");
            if (count >= 0) {
                matching = count;
            }
            summary.set(describePage(result.entries().size()));
        }).onFailure(failure -> {
            if (request == requestNumber) {
                error.set(ErrorMessages.forUser(failure));
            }
        }).onFinished(() -> {
            if (request == requestNumber) {
                loading.set(false);
            }
        }));
    }

    private long matching;

    private String describePage(int shown) {
        if (matching == 0) {
            return "No entries match these filters.";
        }
        long first = (long) page.get() * pageSize + 1;
        return String.format("Entries %,d–%,d of %,d", first, first + shown - 1, matching);
    }

    /** Rows per page (100 on screen; tests use small pages). */
    public void setPageSize(int rows) {
        this.pageSize = rows;
    }

    public long matching() {
        return matching;
    }

    // ---- exports and verification -----------------------------------------------------------

    /** Streams every row of the applied filter to a CSV file (core writes a temp file and moves it into place). */
    public void exportCsv(Path target, java.util.function.Consumer<ExportResult> done) {
        Actor actor = session.require();
        ExplorerFilter filter = applied;
        longWork("Exporting history to CSV", (listener, token) -> csv.toFile(actor, filter, target, listener, token),
                result -> {
                    workMessage.set(String.format("Exported %,d rows to %s", result.rows(), target.getFileName()));
                    done.accept(result);
                });
    }

    /** The PDF report: filters in words, summary figures, the given chart PNGs and the table. */
    public void exportPdf(Path target, Map<String, byte[]> chartImages, java.util.function.Consumer<ExportResult> done) {
        Actor actor = session.require();
        ExplorerFilter filter = applied;
        HistoryPdfReport.ReportOptions options = new HistoryPdfReport.ReportOptions("MoveDesk history report",
                chartImages, HistoryPdfReport.ReportOptions.DEFAULT_MAX_ROWS, zone);
        longWork("Writing the PDF report", (listener, token) -> {
            Path temp = target.resolveSibling(target.getFileName() + ".part");
            try (var out = java.nio.file.Files.newOutputStream(temp)) {
                ExportResult result = pdf.write(actor, filter, options, out, listener, token);
                out.close();
                java.nio.file.Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return result;
            } finally {
                java.nio.file.Files.deleteIfExists(temp);
            }
        }, result -> {
            workMessage.set(String.format("PDF report with %,d rows saved to %s", result.rows(), target.getFileName()));
            done.accept(result);
        });
    }

    /** Re-reads the whole hash chain; the message names the first broken link when there is one. */
    public void verify(java.util.function.Consumer<HistoryChainCheck.Report> done) {
        Actor actor = session.require();
        longWork("Verifying history", (listener, token) -> chain.verify(actor, listener, token), report -> {
            lastVerifyIntact.set(report.intact());
            workMessage.set(describe(report));
            done.accept(report);
        });
    }

    public static String describe(HistoryChainCheck.Report report) {
        if (report.intact()) {
            return String.format("History verified: all %,d entries are intact and in an unbroken chain.", report.checked());
        }
        StringBuilder s = new StringBuilder(String.format("History is NOT intact. First broken link: entry %s - %s.",
                report.brokenId(), report.reason()));
        if (report.expected() != null) {
            s.append(" Expected ").append(report.expected()).append(", found ").append(report.found()).append('.');
        }
        s.append(String.format(" (%,d entries checked before it.)", report.checked()));
        return s.toString();
    }

    /** Cancels the running export or verification; nothing half-written is left behind. */
    public void cancelWork() {
        if (runningWork != null) {
            runningWork.cancel();
        }
    }

    @FunctionalInterface
    interface CoreWork<T> {
        T run(ProgressListener listener, CancellationToken token) throws Exception;
    }

    private <T> void longWork(String title, CoreWork<T> work, java.util.function.Consumer<T> done) {
        if (working.get()) {
            error.set("Wait for the running export or check to finish, or cancel it first.");
            return;
        }
        working.set(true);
        workProgress.set(-1);
        workMessage.set(title + "…");
        runningWork = tasks.run(BackgroundTask.of(title, progress -> {
            CancellationToken token = new CancellationToken();
            ProgressListener listener = (doneRows, total) -> {
                progress.update(doneRows, total);
                if (progress.isCancelled()) {
                    token.cancel();
                }
                double fraction = total > 0 ? Math.min(1.0, (double) doneRows / total) : -1;
                tasksUi(() -> workProgress.set(fraction));
            };
            if (progress.isCancelled()) {
                token.cancel();
            }
            return work.run(listener, token);
        }).onSuccess(result -> {
            workProgress.set(1);
            done.accept(result);
        }).onFailure(failure -> {
            workProgress.set(0);
            workMessage.set(failure instanceof CancellationToken.Cancelled
                    ? title + " cancelled; no file was left behind."
                    : title + " failed: " + ErrorMessages.forUser(failure));
        }).onFinished(() -> {
            working.set(false);
            runningWork = null;
        }));
    }

    private java.util.function.Consumer<Runnable> uiPoster = Runnable::run;

    /** How progress from the working thread reaches the UI thread ({@code Platform::runLater} in the app). */
    public void postProgressWith(java.util.function.Consumer<Runnable> poster) {
        this.uiPoster = poster;
    }

    private void tasksUi(Runnable r) {
        uiPoster.accept(r);
    }

    // ---- remembered filters -----------------------------------------------------------------

    private void rememberFilters() {
        settings.put(SETTINGS + "from", fromDate.get());
        settings.put(SETTINGS + "to", toDate.get());
        settings.put(SETTINGS + "locations", join(locations, UUID::toString));
        settings.put(SETTINGS + "desk", desk.get());
        settings.put(SETTINGS + "operators", join(operators, Function.identity()));
        settings.put(SETTINGS + "eventTypes", join(eventTypes, Function.identity()));
        settings.put(SETTINGS + "moveTypes", join(moveTypes, Enum::name));
        settings.put(SETTINGS + "statuses", join(statuses, Enum::name));
        settings.put(SETTINGS + "text", text.get());
    }

    private static <T> String join(Set<T> values, Function<T, String> name) {
        return values.stream().map(name).sorted().collect(Collectors.joining(","));
    }

    private void restoreFilters() {
        try {
            settings.get(SETTINGS + "from").filter(s -> !s.isBlank()).map(LocalDate::parse).ifPresent(fromDate::set);
            settings.get(SETTINGS + "to").filter(s -> !s.isBlank()).map(LocalDate::parse).ifPresent(toDate::set);
            split(SETTINGS + "locations").forEach(v -> locations.add(UUID.fromString(v)));
            desk.set(settings.get(SETTINGS + "desk", ""));
            operators.addAll(split(SETTINGS + "operators"));
            eventTypes.addAll(split(SETTINGS + "eventTypes"));
            split(SETTINGS + "moveTypes").forEach(v -> moveTypes.add(MoveType.valueOf(v)));
            split(SETTINGS + "statuses").forEach(v -> statuses.add(MoveStatus.valueOf(v)));
            text.set(settings.get(SETTINGS + "text", ""));
        } catch (RuntimeException damaged) {
            // a hand-edited settings file must not keep the screen from opening
            fromDate.set(null);
            toDate.set(null);
            locations.clear();
            moveTypes.clear();
            statuses.clear();
        }
    }

    private List<String> split(String key) {
        return Arrays.stream(settings.get(key, "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    // ---- properties -----------------------------------------------------------------------

    public ObjectProperty<LocalDate> fromDateProperty() { return fromDate; }
    public ObjectProperty<LocalDate> toDateProperty() { return toDate; }
    public ObservableSet<UUID> locations() { return locations; }
    public StringProperty deskProperty() { return desk; }
    public ObservableSet<String> operators() { return operators; }
    public ObservableSet<String> eventTypes() { return eventTypes; }
    public ObservableSet<MoveType> moveTypes() { return moveTypes; }
    public ObservableSet<MoveStatus> statuses() { return statuses; }
    public StringProperty textProperty() { return text; }
    public ObservableList<ExplorerEntry> rows() { return rows; }
    public IntegerProperty pageProperty() { return page; }
    public ReadOnlyBooleanProperty hasNextProperty() { return hasNext.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty seesEveryoneProperty() { return seesEveryone.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty workingProperty() { return working.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty workProgressProperty() { return workProgress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty workMessageProperty() { return workMessage.getReadOnlyProperty(); }
    public boolean lastVerifyIntact() { return lastVerifyIntact.get(); }
    public ExplorerFilter appliedFilter() { return applied; }
    public Actor actor() { return session.require(); }

    /** The operator's own username when they may only see themselves (the operator filter is hidden). */
    public void refreshVisibility() {
        session.current().ifPresent(actor -> seesEveryone.set(HistoryExplorer.seesEveryone(actor)));
    }
}
