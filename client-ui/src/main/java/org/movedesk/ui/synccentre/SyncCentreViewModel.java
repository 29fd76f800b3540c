package org.movedesk.ui.synccentre;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;

import org.movedesk.core.common.Json;
import org.movedesk.core.common.OutboxChanged;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.core.outbox.OutboxView;
import org.movedesk.sync.events.NeedsAttentionChanged;
import org.movedesk.sync.events.NeedsAttentionItem;
import org.movedesk.sync.events.NeedsAttentionService;
import org.movedesk.sync.status.SyncSnapshot;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiExecutor;

/**
 * The sync centre: what waits to be sent, what the centre refused (with its reason, to retry,
 * edit and resend, or discard with a reason), what conflicts with the centre (side by side, to
 * keep mine or take theirs), and consumed events that need a person. It also shows sync's own
 * status (online, activity, last push/pull, token or clock problems) with Sync now and Pause.
 * Every decision goes through core, which records it in the history.
 */
public class SyncCentreViewModel {

    private final org.movedesk.ui.common.Subscriptions subscriptions = new org.movedesk.ui.common.Subscriptions();

    static final int LIMIT = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss", Locale.UK);

    /** One line of the side-by-side compare. */
    public record CompareRow(String field, String local, String central, boolean differs) {
    }

    /** The refusal of a failed entry, as the centre worded it. */
    public record Reason(String status, String title, String detail, String pointer, String code) {
        public String text() {
            List<String> lines = new ArrayList<>();
            if (title != null && !title.isBlank()) {
                lines.add(title);
            }
            if (detail != null && !detail.isBlank()) {
                lines.add(detail);
            }
            if (pointer != null && !pointer.isBlank()) {
                lines.add("Field: " + pointer);
            }
            if (code != null && !code.isBlank()) {
                lines.add("Code: " + code + (status == null ? "" : " (HTTP " + status + ")"));
            } else if (status != null) {
                lines.add("HTTP " + status);
            }
            return lines.isEmpty() ? "The centre gave no reason." : String.join("\n", lines);
        }
    }

    private final OutboxService outbox;
    private final Supplier<NeedsAttentionService> needsAttention;
    private final SyncControls sync;
    private final Session session;
    private final TaskRunner tasks;
    private final UiExecutor ui;
    private final Clock clock;

    private final ObservableList<OutboxView> pending = FXCollections.observableArrayList();
    private final ObservableList<OutboxView> failed = FXCollections.observableArrayList();
    private final ObservableList<OutboxView> conflicts = FXCollections.observableArrayList();
    private final ObservableList<NeedsAttentionItem> attention = FXCollections.observableArrayList();
    private final ObjectProperty<OutboxView> selectedFailed = new SimpleObjectProperty<>();
    private final ObjectProperty<OutboxView> selectedConflict = new SimpleObjectProperty<>();
    private final ObjectProperty<NeedsAttentionItem> selectedAttention = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper failedReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failedPayload = new ReadOnlyStringWrapper("");
    private final ObservableList<CompareRow> compare = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper attentionDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResolve = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canManageQueue = new ReadOnlyBooleanWrapper();

    private final ReadOnlyStringWrapper connectivity = new ReadOnlyStringWrapper("Sync is not running at this desk");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper activityProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper lastPush = new ReadOnlyStringWrapper("never");
    private final ReadOnlyStringWrapper lastPull = new ReadOnlyStringWrapper("never");
    private final ReadOnlyStringWrapper tokenProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper clockWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper engineRunning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");

    private PayloadEditor editor;

    public SyncCentreViewModel(OutboxService outbox, Supplier<NeedsAttentionService> needsAttention, SyncControls sync,
                               Session session, TaskRunner tasks, UiEventBus events, UiExecutor ui, Clock clock) {
        this.outbox = outbox;
        this.needsAttention = needsAttention;
        this.sync = sync;
        this.session = session;
        this.tasks = tasks;
        this.ui = ui;
        this.clock = clock;
        subscriptions.add(events.subscribe(OutboxChanged.class, changed -> reloadIfOpen()));
        subscriptions.add(events.subscribe(NeedsAttentionChanged.class, changed -> reloadIfOpen()));
        subscriptions.add(sync.onChange(snapshot -> ui.execute(() -> showStatus(snapshot))));
        selectedFailed.addListener((obs, old, now) -> describeFailed(now));
        selectedConflict.addListener((obs, old, now) -> compare.setAll(now == null ? List.of()
                : compare(now.conflictLocal(), now.conflictRemote())));
        selectedAttention.addListener((obs, old, now) -> attentionDetail.set(now == null ? "" : describe(now)));
    }

    private boolean open;

    public void open() {
        Actor actor = session.require();
        open = true;
        canResolve.set(actor.hasAny(Role.SUPERVISOR, Role.ADMIN, Role.RP_TRANSFER, Role.RP_REMOVE));
        canManageQueue.set(actor.hasAny(Role.PRISON_STAFF, Role.SUPERVISOR, Role.ADMIN, Role.RP_TRANSFER, Role.RP_REMOVE,
                Role.RP_MIGRATE));
        engineRunning.set(sync.engineRunning());
        sync.snapshot().ifPresent(this::showStatus);
        reload();
    }

    public void close() {
        open = false;
    }

    private void reloadIfOpen() {
        if (open) {
            reload();
        }
    }

    private record Lists(List<OutboxView> pending, List<OutboxView> failed, List<OutboxView> conflicts,
                         List<NeedsAttentionItem> attention) {
    }

    public void reload() {
        Actor actor = session.require();
        NeedsAttentionService attentionService = needsAttention.get();
        tasks.run(BackgroundTask.of("Loading the sync centre", progress -> {
                    List<OutboxView> waiting = new ArrayList<>(outbox.list(OutboxState.PENDING, LIMIT));
                    waiting.addAll(outbox.list(OutboxState.IN_FLIGHT, LIMIT));
                    waiting.sort(java.util.Comparator.comparingLong(OutboxView::id));
                    return new Lists(waiting, outbox.list(OutboxState.FAILED, LIMIT), outbox.list(OutboxState.CONFLICT, LIMIT),
                            attentionService == null ? List.of() : attentionService.list(actor, false));
                })
                .quiet()
                .onSuccess(lists -> {
                    pending.setAll(lists.pending());
                    failed.setAll(lists.failed());
                    conflicts.setAll(lists.conflicts());
                    attention.setAll(lists.attention());
                    reselect(selectedFailed, failed);
                    reselect(selectedConflict, conflicts);
                    NeedsAttentionItem item = selectedAttention.get();
                    selectedAttention.set(item == null ? null
                            : attention.stream().filter(a -> a.id() == item.id()).findFirst().orElse(null));
                    counts.set(String.format(Locale.UK, "%d waiting, %d failed, %d in conflict, %d need attention",
                            pending.size(), failed.size(), conflicts.size(), attention.size()));
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure))));
    }

    private static void reselect(ObjectProperty<OutboxView> selected, List<OutboxView> rows) {
        OutboxView was = selected.get();
        selected.set(was == null ? null : rows.stream().filter(row -> row.id() == was.id()).findFirst().orElse(null));
    }

    private void describeFailed(OutboxView view) {
        failedReason.set("");
        failedPayload.set("");
        if (view == null) {
            return;
        }
        tasks.run(BackgroundTask.of("Reading the failed change", progress -> outbox.get(view.id()))
                .quiet()
                .onSuccess(entry -> {
                    failedReason.set(reasonOf(entry).text());
                    failedPayload.set(pretty(entry.getPayload()));
                })
                .onFailure(failure -> failedReason.set(ErrorMessages.forUser(failure))));
    }

    static Reason reasonOf(OutboxEntry entry) {
        return new Reason(entry.getErrorStatus() == null ? null : entry.getErrorStatus().toString(), entry.getErrorTitle(),
                entry.getErrorDetail(), entry.getErrorPointer(), entry.getErrorCode());
    }

    private static String pretty(String json) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.read(json));
        } catch (Exception notJson) {
            return json;
        }
    }

    /** Local and central state, field by field (nested values flattened with dots), differences marked. */
    static List<CompareRow> compare(String local, String central) {
        Map<String, String> mine = flatten(local);
        Map<String, String> theirs = flatten(central);
        Set<String> fields = new LinkedHashSet<>(mine.keySet());
        fields.addAll(theirs.keySet());
        List<CompareRow> rows = new ArrayList<>();
        for (String field : fields) {
            String a = mine.getOrDefault(field, "");
            String b = theirs.getOrDefault(field, "");
            rows.add(new CompareRow(field, a, b, !a.equals(b)));
        }
        return rows;
    }

    private static Map<String, String> flatten(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = Json.read(json);
        } catch (RuntimeException notJson) {
            out.put("(text)", json);
            return out;
        }
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            if (!prefix.isEmpty()) {
                out.put(prefix, "");
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix.isEmpty() ? "(value)" : prefix, node.asText());
        }
    }

    private String describe(NeedsAttentionItem item) {
        StringBuilder text = new StringBuilder(item.reason() == null ? "No reason recorded." : item.reason());
        text.append("\n\nEvent: ").append(item.eventType() == null ? "unknown" : item.eventType());
        text.append("\nFirst failed: ").append(when(item.firstSeen()));
        text.append("\nAttempts: ").append(item.attempts());
        if (item.body() != null) {
            text.append("\n\n").append(pretty(item.body()));
        }
        return text.toString();
    }

    // ---- decisions (the view confirms first)

    /** Send a failed change again as it is. */
    public void retry(OutboxView entry) {
        if (entry == null) {
            return;
        }
        decide("Resending a change", actor -> outbox.resend(actor, entry.id(), null),
                "Change " + entry.id() + " will be sent again.");
    }

    /** The editor for a failed entry's payload; fails with a sentence when it cannot be edited. */
    public PayloadEditor edit(OutboxView entry) {
        editor = PayloadEditor.of(outbox.get(entry.id()).getPayload());
        return editor;
    }

    /** Resends with the edited payload (a new idempotency key when it changed: it is a new request). */
    public boolean resendEdited(OutboxView entry, PayloadEditor edited) {
        List<String> problems = edited.problems();
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        String json = edited.editedJson();
        decide("Resending an edited change", actor -> outbox.resend(actor, entry.id(), json),
                "Change " + entry.id() + " was edited and will be sent again.");
        return true;
    }

    /** Gives up on a change, with the reason the history keeps. */
    public boolean discard(OutboxView entry, String why) {
        if (entry == null) {
            return false;
        }
        if (why == null || why.isBlank()) {
            error.set("Say why this change is discarded; the history keeps the reason.");
            return false;
        }
        decide("Discarding a change", actor -> outbox.discard(actor, entry.id(), why.trim()),
                "Change " + entry.id() + " was discarded; it will not be sent.");
        return true;
    }

    public void keepMine(OutboxView entry) {
        if (entry == null) {
            return;
        }
        decide("Keeping the desk's version", actor -> outbox.keepMine(actor, entry.id()),
                "Kept this desk's version of " + entry.label() + "; it will be sent again.");
    }

    public void takeTheirs(OutboxView entry) {
        if (entry == null) {
            return;
        }
        decide("Taking the centre's version", actor -> outbox.takeTheirs(actor, entry.id()),
                "Took the centre's version of " + entry.label() + "; the desk's change was discarded.");
    }

    public boolean resolve(NeedsAttentionItem item, String note) {
        NeedsAttentionService service = needsAttention.get();
        if (item == null || service == null) {
            return false;
        }
        if (note == null || note.isBlank()) {
            error.set("Say what you did to resolve it (a note is required).");
            return false;
        }
        decide("Resolving an event", actor -> service.resolve(actor, item.id(), note.trim()),
                "Marked the " + (item.eventType() == null ? "event" : item.eventType()) + " as resolved.");
        return true;
    }

    private interface Decision {
        Object apply(Actor actor);
    }

    private void decide(String title, Decision decision, String done) {
        Actor actor = session.require();
        busy.set(true);
        error.set("");
        notice.set("");
        tasks.run(BackgroundTask.of(title, progress -> decision.apply(actor))
                .onSuccess(result -> {
                    notice.set(done);
                    reload();
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> busy.set(false)));
    }

    // ---- sync engine

    public void syncNow() {
        if (!engineRunning.get()) {
            notice.set("");
            error.set("Sync is not running at this desk (switched off in its settings); changes wait here until it runs.");
            return;
        }
        sync.syncNow();
        notice.set("Sending now and refreshing from the centre.");
    }

    public void togglePause() {
        if (!engineRunning.get()) {
            syncNow();
            return;
        }
        if (paused.get()) {
            sync.resume();
            paused.set(false);
            notice.set("Sync resumed.");
        } else {
            sync.pause();
            paused.set(true);
            notice.set("Sync paused: changes are kept here until you resume.");
        }
    }

    void showStatus(SyncSnapshot snapshot) {
        online.set(snapshot.online());
        connectivity.set(switch (snapshot.connectivity()) {
            case ONLINE -> "Online";
            case OFFLINE -> "Offline: changes are kept here and sent when the centre can be reached";
            case UNKNOWN -> "Not yet in touch with the centre";
        } + (snapshot.paused() ? " \u2013 sync paused" + (snapshot.pauseReason() == null ? "" : ": " + snapshot.pauseReason()) : ""));
        SyncSnapshot.Activity now = snapshot.activity();
        activity.set(now == null ? "" : now.describe());
        activityProgress.set(now == null ? 0 : now.progress());
        lastPush.set(snapshot.lastPush() == null ? "never" : when(snapshot.lastPush()));
        lastPull.set(snapshot.lastPull() == null ? "never" : when(snapshot.lastPull()));
        tokenProblem.set(snapshot.tokenProblem() == null ? ""
                : "The centre refuses this desk's credentials: " + snapshot.tokenProblem()
                + ". An administrator should check the client id and secret (Administration, Central service).");
        Duration skew = snapshot.clockSkew();
        clockWarning.set(snapshot.clockSkewWarning() && skew != null
                ? "This computer's clock is " + Math.abs(skew.toSeconds()) + " s " + (skew.isNegative() ? "ahead of" : "behind")
                + " the centre's. Ask IT to correct the time; event times would be out of order."
                : "");
        paused.set(snapshot.paused());
    }

    private String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone()));
    }

    // ---- properties

    public ObservableList<OutboxView> pending() {
        return pending;
    }

    public ObservableList<OutboxView> failed() {
        return failed;
    }

    public ObservableList<OutboxView> conflicts() {
        return conflicts;
    }

    public ObservableList<NeedsAttentionItem> attention() {
        return attention;
    }

    public ObjectProperty<OutboxView> selectedFailedProperty() {
        return selectedFailed;
    }

    public ObjectProperty<OutboxView> selectedConflictProperty() {
        return selectedConflict;
    }

    public ObjectProperty<NeedsAttentionItem> selectedAttentionProperty() {
        return selectedAttention;
    }

    public ReadOnlyStringProperty failedReasonProperty() {
        return failedReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failedPayloadProperty() {
        return failedPayload.getReadOnlyProperty();
    }

    public ObservableList<CompareRow> compareRows() {
        return compare;
    }

    public ReadOnlyStringProperty attentionDetailProperty() {
        return attentionDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResolveProperty() {
        return canResolve.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canManageQueueProperty() {
        return canManageQueue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectivityProperty() {
        return connectivity.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty activityProgressProperty() {
        return activityProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastPushProperty() {
        return lastPush.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastPullProperty() {
        return lastPull.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokenProblemProperty() {
        return tokenProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockWarningProperty() {
        return clockWarning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty engineRunningProperty() {
        return engineRunning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** Stops reacting to events (the shell calls it when the operator signs out). */
    public void dispose() {
        subscriptions.dispose();
    }
}
