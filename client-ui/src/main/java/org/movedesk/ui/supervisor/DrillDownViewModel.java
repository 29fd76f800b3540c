package org.movedesk.ui.supervisor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.movedesk.core.history.explorer.ExplorerEntry;
import org.movedesk.core.history.explorer.FieldChange;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.history.explorer.TimelineEntry;
import org.movedesk.core.history.timeline.CentralTimelineService;
import org.movedesk.core.history.timeline.CentralTimelineSource;
import org.movedesk.core.history.timeline.MergedTimeline;
import org.movedesk.core.history.timeline.MergedTimelineEntry;
import org.movedesk.core.history.timeline.TimelineSource;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.operators.Actor;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;

/**
 * Drill-down from one explorer row: the whole timeline of its move (merged with the central
 * timeline when the centre answers, each line marked LOCAL, CENTRAL or BOTH) or of its person,
 * and the field-by-field before/after of the selected line.
 */
public class DrillDownViewModel {

    /** One line of the drill-down timeline. */
    public record Line(java.time.Instant occurredAt, String event, String operator, TimelineSource source,
                       String syncState, String notes, List<FieldChange> changes) {

        /** Short, for the column: Local, Central, Both. */
        public String sourceText() {
            return switch (source) {
                case LOCAL -> "Local";
                case CENTRAL -> "Central";
                case BOTH -> "Both";
            };
        }

        /** In words, for screen readers and tooltips. */
        public String sourceDescription() {
            return switch (source) {
                case LOCAL -> "recorded on this desk only";
                case CENTRAL -> "known to the central service only";
                case BOTH -> "recorded on this desk and confirmed by the central service";
            };
        }

        static Line local(TimelineEntry t) {
            ExplorerEntry e = t.entry();
            return new Line(e.occurredAt(), e.eventType(), e.operator(), TimelineSource.LOCAL,
                    e.syncState() == null ? "" : e.syncState().label(), e.notes(), t.changes());
        }

        static Line merged(MergedTimelineEntry m) {
            if (m.local() != null) {
                Line l = local(m.local());
                return new Line(l.occurredAt(), l.event(), l.operator(), m.source(), l.syncState(), l.notes(), l.changes());
            }
            String by = m.central().details().getOrDefault("created_by", "");
            return new Line(m.occurredAt(), m.central().eventType(), by, m.source(), "From the centre",
                    m.central().details().get("notes"),
                    m.central().details().entrySet().stream().filter(d -> !d.getKey().equals("created_by") && !d.getKey().equals("notes"))
                            .map(d -> new FieldChange(d.getKey(), null, d.getValue())).toList());
        }
    }

    private final HistoryExplorer explorer;
    private final CentralTimelineService central;
    private final CentralTimelineSource source;
    private final Session session;
    private final TaskRunner tasks;

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<FieldChange> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Select an entry and press Enter to see its whole timeline.");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private long request;

    public DrillDownViewModel(HistoryExplorer explorer, CentralTimelineService central, CentralTimelineSource source,
                              Session session, TaskRunner tasks) {
        this.explorer = explorer;
        this.central = central;
        this.source = source;
        this.session = session;
        this.tasks = tasks;
    }

    /** A move's entry opens the move's merged timeline; any other entry with a person opens the person's. */
    public void open(ExplorerEntry entry) {
        if (entry == null) {
            return;
        }
        if (entry.aggregateType() == AggregateType.MOVE && entry.aggregateId() != null) {
            openMove(UUID.fromString(entry.aggregateId()), entry.moveReference() != null ? entry.moveReference()
                    : entry.prisonNumber() != null ? "of " + entry.prisonNumber() + " (no central reference yet)" : null);
        } else if (entry.prisonNumber() != null) {
            openPerson(entry.prisonNumber());
        } else {
            title.set("Entry " + entry.id() + " (" + entry.eventType() + ")");
            note.set("This entry belongs to no move or person.");
            lines.setAll(Line.local(new TimelineEntry(entry, List.of(), null, null)));
            select(lines.get(0));
        }
    }

    public void openMove(UUID moveId, String reference) {
        Actor actor = session.require();
        long mine = ++request;
        title.set("Move " + Optional.ofNullable(reference).orElse(moveId.toString()) + " - reading timeline…");
        tasks.run(BackgroundTask.of("Reading the move's timeline", progress -> central.merged(actor, moveId, source))
                .quiet().onSuccess((MergedTimeline merged) -> {
                    if (mine != request) {
                        return;
                    }
                    lines.setAll(merged.entries().stream().map(Line::merged).toList());
                    title.set("Move " + Optional.ofNullable(reference).orElse(moveId.toString()) + " - " + lines.size() + " entries");
                    note.set(merged.centralAvailable() ? "Merged with the central timeline."
                            : Optional.ofNullable(merged.note()).orElse("Local entries only."));
                    error.set("");
                    selectLast();
                }).onFailure(failure -> fail(mine, failure)));
    }

    public void openPerson(String prisonNumber) {
        Actor actor = session.require();
        long mine = ++request;
        title.set("Person " + prisonNumber + " - reading timeline…");
        tasks.run(BackgroundTask.of("Reading the person's timeline", progress -> explorer.personTimeline(actor, prisonNumber))
                .quiet().onSuccess((List<TimelineEntry> timeline) -> {
                    if (mine != request) {
                        return;
                    }
                    lines.setAll(timeline.stream().map(Line::local).toList());
                    title.set("Person " + prisonNumber + " - " + lines.size() + " entries");
                    note.set("Everything recorded about this person on this desk.");
                    error.set("");
                    selectLast();
                }).onFailure(failure -> fail(mine, failure)));
    }

    private void fail(long mine, Throwable failure) {
        if (mine == request) {
            lines.clear();
            changes.clear();
            error.set(ErrorMessages.forUser(failure));
        }
    }

    private void selectLast() {
        if (lines.isEmpty()) {
            changes.clear();
        } else {
            select(lines.get(lines.size() - 1));
        }
    }

    /** Shows the before/after of one line. */
    public void select(Line line) {
        changes.setAll(line == null ? List.of() : line.changes());
    }

    public ObservableList<Line> lines() { return lines; }
    public ObservableList<FieldChange> changes() { return changes; }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
