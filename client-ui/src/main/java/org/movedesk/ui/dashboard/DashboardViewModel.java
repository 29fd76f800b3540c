package org.movedesk.ui.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import org.movedesk.core.moves.MoveDay;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveRow;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.core.outbox.OutboxView;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;

/**
 * Today at this desk: moves out of and into the desk's locations, how many are in each status,
 * and what needs a person's attention (changes the centre refused, conflicts). Refreshes on
 * core's change events only.
 */
public class DashboardViewModel {

    private final org.movedesk.ui.common.Subscriptions subscriptions = new org.movedesk.ui.common.Subscriptions();

    static final int TODAY_LIMIT = 2000;

    /** One line of the attention list. */
    public record AttentionItem(String kind, String what, String detail) {
    }

    private record Snapshot(List<MoveRow> rows, long total, Map<MoveStatus, Long> counts, List<AttentionItem> attention) {
    }

    private final MoveQueries queries;
    private final Session session;
    private final OutboxService outbox;
    private final TaskRunner tasks;
    private final Supplier<Set<UUID>> myLocations;
    private final Clock clock;
    private final ObservableList<MoveRow> outgoing = FXCollections.observableArrayList();
    private final ObservableList<MoveRow> incoming = FXCollections.observableArrayList();
    private final ObservableMap<MoveStatus, Long> counts = FXCollections.observableMap(new EnumMap<>(MoveStatus.class));
    private final ObservableList<AttentionItem> attention = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean loading;
    private boolean again;

    public DashboardViewModel(MoveQueries queries, OutboxService outbox, TaskRunner tasks, UiEventBus events,
                              Supplier<Set<UUID>> myLocations, Clock clock, Session session) {
        this.session = session;
        this.queries = queries;
        this.outbox = outbox;
        this.tasks = tasks;
        this.myLocations = myLocations;
        this.clock = clock;
        subscriptions.add(events.subscribe(Object.class, event -> {
            String name = event.getClass().getSimpleName();
            if (name.equals("MoveChanged") || name.startsWith("Outbox") || name.equals("ReferenceDataChanged")
                    || name.startsWith("DeadLetter")) {
                refresh();
            }
        }));
    }

    /** Reads today's moves and the attention list in the background; a burst of events gives one more read. */
    public void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        LocalDate today = LocalDate.now(clock);
        Set<UUID> mine = myLocations.get();
        var actor = session.require();
        tasks.run(BackgroundTask.of("Reading today's moves", progress -> {
                    // one day from the date index, counts over all of the day's moves (MoveQueries.day)
                    MoveDay day = queries.day(actor, mine, today, TODAY_LIMIT);
                    List<AttentionItem> items = new ArrayList<>();
                    for (OutboxView failed : outbox.list(OutboxState.FAILED, 50)) {
                        items.add(new AttentionItem("Failed", failed.label() + " \u2014 " + Labels.of(failed.action()),
                                firstNonBlank(failed.errorDetail(), failed.errorTitle(), failed.errorCode())));
                    }
                    for (OutboxView conflict : outbox.list(OutboxState.CONFLICT, 50)) {
                        items.add(new AttentionItem("Conflict", conflict.label() + " \u2014 " + Labels.of(conflict.action()),
                                "The centre has a different state; choose keep mine or take theirs in the sync centre."));
                    }
                    return new Snapshot(day.rows(), day.total(), day.counts(), items);
                })
                .quiet()
                .onSuccess(snapshot -> show(snapshot, mine, today))
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> {
                    loading = false;
                    if (again) {
                        again = false;
                        refresh();
                    }
                }));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private void show(Snapshot snapshot, Set<UUID> mine, LocalDate today) {
        error.set("");
        heading.set("Today, " + Labels.day(today));
        List<MoveRow> out = new ArrayList<>();
        List<MoveRow> in = new ArrayList<>();
        Map<MoveStatus, Long> byStatus = new EnumMap<>(MoveStatus.class);
        for (MoveStatus status : MoveStatus.values()) {
            byStatus.put(status, snapshot.counts().getOrDefault(status, 0L));
        }
        for (MoveRow row : snapshot.rows()) {
            if (mine.isEmpty() || mine.contains(row.fromId())) {
                out.add(row);
            }
            if (!mine.isEmpty() && row.toId() != null && mine.contains(row.toId())) {
                in.add(row);
            }
        }
        outgoing.setAll(out);
        incoming.setAll(in);
        counts.putAll(byStatus);
        attention.setAll(snapshot.attention());
        if (mine.isEmpty()) {
            note.set("This desk has no own locations yet, so every move today is shown as going out. "
                    + "An administrator can choose the desk's locations.");
        } else if (snapshot.total() > snapshot.rows().size()) {
            note.set("Showing the first " + snapshot.rows().size() + " of " + snapshot.total() + " moves today; use Moves for all.");
        } else {
            note.set("");
        }
    }

    public ObservableList<MoveRow> outgoing() {
        return outgoing;
    }

    public ObservableList<MoveRow> incoming() {
        return incoming;
    }

    public ObservableMap<MoveStatus, Long> counts() {
        return counts;
    }

    public ObservableList<AttentionItem> attention() {
        return attention;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Stops reacting to events (the shell calls it when the operator signs out). */
    public void dispose() {
        subscriptions.dispose();
    }
}
