package org.movedesk.ui.moves;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
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

import org.springframework.data.domain.Page;

import org.movedesk.core.common.MoveChanged;
import org.movedesk.core.moves.MoveFilter;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveRow;
import org.movedesk.core.moves.MoveSort;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskHandle;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiSettings;

/**
 * Moves by day or week, filtered by status, type and free text (prison number, name,
 * reference), a page at a time from core's {@link MoveQueries} in the background, so 20,000
 * moves never reach the UI thread at once. Filters are remembered in the UI settings.
 */
public class MoveListViewModel {

    private final org.movedesk.ui.common.Subscriptions subscriptions = new org.movedesk.ui.common.Subscriptions();

    /** Day or week around the anchor date. */
    public enum Period { DAY, WEEK }

    /** Rows of one destination, for "group by destination". */
    public record Group(String destination, List<MoveRow> rows) {
    }

    static final int PAGE_SIZE = 200;
    private static final String SETTINGS = "moves.list.";

    private final MoveQueries queries;
    private final Session session;
    private final TaskRunner tasks;
    private final UiSettings settings;
    private final Supplier<Set<UUID>> myLocations;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.DAY);
    private final ObjectProperty<LocalDate> anchor = new SimpleObjectProperty<>(LocalDate.now());
    private final ObservableSet<MoveStatus> statuses = FXCollections.observableSet(EnumSet.noneOf(MoveStatus.class));
    private final ObservableSet<MoveType> types = FXCollections.observableSet(EnumSet.noneOf(MoveType.class));
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty onlyMyLocations = new SimpleBooleanProperty(true);
    private final BooleanProperty groupByDestination = new SimpleBooleanProperty(false);
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<MoveRow> rows = FXCollections.observableArrayList();
    private TaskHandle running;
    private int generation;
    private final javafx.beans.property.ReadOnlyObjectWrapper<MoveSort> sort =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(MoveSort.DEFAULT);
    private boolean loadedOnce;
    private int pageSize = PAGE_SIZE;
    private boolean reloadWanted;

    public MoveListViewModel(MoveQueries queries, TaskRunner tasks, UiEventBus events, UiSettings settings,
                             Supplier<Set<UUID>> myLocations, Session session) {
        this.session = session;
        this.queries = queries;
        this.tasks = tasks;
        this.settings = settings;
        this.myLocations = myLocations;
        restoreSettings();
        subscriptions.add(events.subscribe(MoveChanged.class, changed -> reload()));
    }

    private void restoreSettings() {
        if (settings == null) {
            return;
        }
        period.set(Period.valueOf(settings.get(SETTINGS + "period", Period.DAY.name())));
        groupByDestination.set(settings.getBoolean(SETTINGS + "group", false));
        onlyMyLocations.set(settings.getBoolean(SETTINGS + "mine", true));
        statuses.addAll(parse(settings.get(SETTINGS + "statuses", ""), MoveStatus.class));
        types.addAll(parse(settings.get(SETTINGS + "types", ""), MoveType.class));
    }

    private static <E extends Enum<E>> Set<E> parse(String text, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (String part : text.split(",")) {
            try {
                if (!part.isBlank()) {
                    values.add(Enum.valueOf(type, part.trim()));
                }
            } catch (IllegalArgumentException unknown) {
                // a value from an older version: ignore it
            }
        }
        return values;
    }

    private void saveSettings() {
        if (settings == null) {
            return;
        }
        settings.put(SETTINGS + "period", period.get().name());
        settings.put(SETTINGS + "group", groupByDestination.get());
        settings.put(SETTINGS + "mine", onlyMyLocations.get());
        settings.put(SETTINGS + "statuses", statuses.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        settings.put(SETTINGS + "types", types.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }

    /** Tests use small pages. */
    void pageSize(int size) {
        this.pageSize = size;
    }

    /** The dates the current period covers: the day, or Monday to Sunday of its week. */
    public LocalDate from() {
        return period.get() == Period.DAY ? anchor.get() : anchor.get().with(DayOfWeek.MONDAY);
    }

    public LocalDate to() {
        return period.get() == Period.DAY ? anchor.get() : anchor.get().with(DayOfWeek.SUNDAY);
    }

    public MoveFilter filter() {
        Set<UUID> locations = onlyMyLocations.get() ? myLocations.get() : Set.of();
        String text = search.get() == null ? "" : search.get().trim();
        return new MoveFilter(locations.isEmpty() ? null : Set.copyOf(locations), from(), to(),
                statuses.isEmpty() ? null : EnumSet.copyOf(statuses),
                types.isEmpty() ? null : EnumSet.copyOf(types),
                text.isEmpty() ? null : text);
    }

    /** Filters changed: back to the first page. */
    public void applyFilters() {
        page.set(0);
        saveSettings();
        load();
    }

    /**
     * Same filters and page, fresh data (a move changed). A burst of changes (a sync pull)
     * gives one read now and at most one more when it ends.
     */
    public void reload() {
        if (loading.get()) {
            reloadWanted = true;
            return;
        }
        load();
    }

    /**
     * Sorts by a column header: the whole filtered list is ordered by core's query before it is
     * cut into pages, so page 2 continues page 1's order. Back to the first page.
     */
    public void sortBy(MoveSort wanted) {
        MoveSort chosen = wanted == null ? MoveSort.DEFAULT : wanted;
        if (chosen.equals(sort.get())) {
            return;
        }
        sort.set(chosen);
        if (loadedOnce) {
            page.set(0);
            load();
        }
    }

    public ReadOnlyObjectProperty<MoveSort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public void load() {
        loadedOnce = true;
        if (running != null && !running.isDone()) {
            // a newer question makes the older answer useless
            running.cancel();
        }
        MoveFilter filter = filter();
        MoveSort order = sort.get();
        int wanted = page.get();
        int size = pageSize;
        int mine = ++generation;
        var actor = session.require();
        loading.set(true);
        error.set("");
        running = tasks.run(BackgroundTask.of("Loading moves", progress -> queries.list(actor, filter, order, wanted, size))
                .quiet()
                .onSuccess(result -> {
                    if (mine == generation) {
                        show(result);
                    }
                })
                .onFailure(failure -> error.set(org.movedesk.ui.common.ErrorMessages.forUser(failure)))
                .onFinished(() -> {
                    if (mine != generation) {
                        return;
                    }
                    loading.set(false);
                    if (reloadWanted) {
                        reloadWanted = false;
                        load();
                    }
                }));
    }

    private void show(Page<MoveRow> result) {
        rows.setAll(result.getContent());
        total.set(result.getTotalElements());
        pageCount.set(Math.max(1, result.getTotalPages()));
        if (page.get() >= pageCount.get()) {
            page.set(pageCount.get() - 1);
        }
        String when = period.get() == Period.DAY ? Labels.day(from())
                : Labels.shortDay(from()) + " \u2013 " + Labels.shortDay(to());
        summary.set(String.format(Locale.UK, "%,d move%s, %s", total.get(), total.get() == 1 ? "" : "s", when));
    }

    public void previousPeriod() {
        anchor.set(period.get() == Period.DAY ? anchor.get().minusDays(1) : anchor.get().minusWeeks(1));
        applyFilters();
    }

    public void nextPeriod() {
        anchor.set(period.get() == Period.DAY ? anchor.get().plusDays(1) : anchor.get().plusWeeks(1));
        applyFilters();
    }

    public void today() {
        anchor.set(LocalDate.now());
        applyFilters();
    }

    public void goToPage(int index) {
        int bounded = Math.max(0, Math.min(index, pageCount.get() - 1));
        if (bounded != page.get()) {
            page.set(bounded);
            load();
        }
    }

    /** The page's rows by destination (alphabetical), each group in the list's order (the chosen sort). */
    public List<Group> groups() {
        Map<String, List<MoveRow>> byDestination = new LinkedHashMap<>();
        rows.stream()
                // a stable sort: within a destination the query's order stays
                .sorted(Comparator.comparing((MoveRow row) -> row.toTitle() == null ? "" : row.toTitle()))
                .forEach(row -> byDestination.computeIfAbsent(
                        row.toTitle() == null ? "(no destination)" : row.toTitle(), key -> new ArrayList<>()).add(row));
        return byDestination.entrySet().stream().map(entry -> new Group(entry.getKey(), entry.getValue())).toList();
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> anchorProperty() {
        return anchor;
    }

    public ObservableSet<MoveStatus> statuses() {
        return statuses;
    }

    public ObservableSet<MoveType> types() {
        return types;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty onlyMyLocationsProperty() {
        return onlyMyLocations;
    }

    public BooleanProperty groupByDestinationProperty() {
        return groupByDestination;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<MoveRow> rows() {
        return rows;
    }

    /** Stops reacting to events (the shell calls it when the operator signs out). */
    public void dispose() {
        subscriptions.dispose();
    }
}
