package org.movedesk.ui.moves;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.movedesk.core.common.MoveChanged;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveAction;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.RejectionReason;
import org.movedesk.core.operators.Actor;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;

/**
 * One move: person, route, status, its timeline, and the actions this operator may take now
 * (core's {@code allowedActions}). Each action calls core and so works offline; the outbox
 * takes it from there. The move's version goes with every action, so a change made meanwhile
 * by someone else is reported instead of overwritten.
 */
public class MoveDetailViewModel {

    private final org.movedesk.ui.common.Subscriptions subscriptions = new org.movedesk.ui.common.Subscriptions();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    /** What the user typed into an action's confirmation dialog. */
    public record ActionInput(String notes, CancellationReason cancellationReason, RejectionReason rejectionReason,
                              boolean rebook, LocalDate date, UUID newToLocationId) {
        public static ActionInput notes(String notes) {
            return new ActionInput(notes, null, null, false, null, null);
        }
    }

    /** One line of the timeline. */
    public record TimelineItem(Instant when, String what, String who, String detail) {
        public String whenText() {
            return when == null ? "" : WHEN.format(when.atZone(ZoneId.systemDefault()));
        }
    }

    private final MoveService moves;
    private final MoveTimeline timeline;
    private final Session session;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<UUID> moveId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Move> move = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper person = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper route = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper when = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper syncState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<MoveAction> allowed = FXCollections.observableArrayList();
    private final ObservableList<TimelineItem> items = FXCollections.observableArrayList();

    public MoveDetailViewModel(MoveService moves, MoveTimeline timeline, Session session, TaskRunner tasks, UiEventBus events) {
        this.moves = moves;
        this.timeline = timeline;
        this.session = session;
        this.tasks = tasks;
        subscriptions.add(events.subscribe(MoveChanged.class, changed -> {
            if (changed.moveId().equals(moveId.get()) && !busy.get()) {
                reload(moveId.get());
            }
        }));
    }

    private record Loaded(Move move, Set<MoveAction> allowed, List<TimelineItem> timeline) {
    }

    public void load(UUID id) {
        error.set("");
        done.set("");
        reload(id);
    }

    /** Fresh data, keeping the message of the action just taken (or refused). */
    private void reload(UUID id) {
        moveId.set(id);
        if (id == null) {
            return;
        }
        Actor actor = session.require();
        tasks.run(BackgroundTask.of("Opening the move", progress -> {
                    Move found = moves.get(actor, id);
                    return new Loaded(found, moves.allowedActions(actor, found), timeline.forMove(actor, id));
                })
                .quiet()
                .onSuccess(this::show)
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure))));
    }

    private void show(Loaded loaded) {
        Move shown = loaded.move();
        move.set(shown);
        title.set("Move " + (shown.getReference() == null ? "(reference when sent)" : shown.getReference())
                + " \u00b7 " + Labels.of(shown.getMoveType()));
        person.set(shown.getPerson() == null ? "" : shown.getPerson().getPrisonNumber() + "  "
                + shown.getPerson().getLastName().toUpperCase(Locale.ROOT) + ", " + shown.getPerson().getFirstNames());
        route.set(shown.getFrom().getTitle() + "  \u2192  " + (shown.getTo() == null ? "(no destination)" : shown.getTo().getTitle()));
        when.set(Labels.day(shown.getDate()) + (shown.getTimeDue() == null ? "" : " at " + Labels.time(shown.getTimeDue())));
        StringBuilder statusText = new StringBuilder(Labels.of(shown.getStatus()));
        if (shown.getCancellationReason() != null) {
            statusText.append(" \u2014 ").append(Labels.of(shown.getCancellationReason()));
            if (shown.getCancellationComment() != null) {
                statusText.append(": ").append(shown.getCancellationComment());
            }
        }
        if (shown.getRejectionReason() != null) {
            statusText.append(" \u2014 rejected: ").append(Labels.of(shown.getRejectionReason()));
        }
        status.set(statusText.toString());
        notes.set(shown.getNotes() == null ? "" : shown.getNotes());
        syncState.set(shown.getCentralId() == null ? "Not yet known to the central service" : "Known to the central service");
        List<MoveAction> ordered = EnumSet.copyOf(loaded.allowed().isEmpty() ? EnumSet.noneOf(MoveAction.class) : loaded.allowed())
                .stream().toList();
        allowed.setAll(ordered);
        items.setAll(loaded.timeline());
    }

    /** Runs one action through core, with the version the user saw. */
    public void perform(MoveAction action, ActionInput input) {
        Move shown = move.get();
        if (shown == null || busy.get()) {
            return;
        }
        Actor actor = session.require();
        UUID id = shown.getId();
        Long version = shown.getVersion();
        String text = input.notes() == null || input.notes().isBlank() ? null : input.notes().trim();
        busy.set(true);
        error.set("");
        done.set("");
        tasks.run(BackgroundTask.of(Labels.of(action) + " move", progress -> switch (action) {
                    case ACCEPT -> moves.accept(actor, id, version, text);
                    case START -> moves.start(actor, id, version, text);
                    case COMPLETE -> moves.complete(actor, id, version, text);
                    case LOCKOUT -> moves.lockout(actor, id, version, text);
                    case CANCEL -> moves.cancel(actor, id, version, input.cancellationReason(), text);
                    case REJECT -> moves.reject(actor, id, version, input.rejectionReason(), input.rebook(), text);
                    case APPROVE -> moves.approve(actor, id, version, input.date(), text);
                    case REDIRECT -> moves.redirect(actor, id, version, input.newToLocationId(), text);
                })
                .onSuccess(changed -> done.set("Move " + action.pastTense() + ". Saved at this desk; it is sent when online."))
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> {
                    busy.set(false);
                    reload(id);
                }));
    }

    public static String describe(MoveAction action) {
        return switch (action) {
            case ACCEPT -> "Accept";
            case START -> "Start (vehicle left)";
            case COMPLETE -> "Complete (arrived)";
            case CANCEL -> "Cancel";
            case REJECT -> "Reject";
            case APPROVE -> "Approve";
            case LOCKOUT -> "Record lockout";
            case REDIRECT -> "Redirect";
        };
    }

    public ReadOnlyObjectProperty<UUID> moveIdProperty() {
        return moveId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Move> moveProperty() {
        return move.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty personProperty() {
        return person.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty routeProperty() {
        return route.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whenProperty() {
        return when.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncStateProperty() {
        return syncState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<MoveAction> allowedActions() {
        return allowed;
    }

    public ObservableList<TimelineItem> timeline() {
        return items;
    }

    /** Stops reacting to events (the shell calls it when the operator signs out). */
    public void dispose() {
        subscriptions.dispose();
    }
}
