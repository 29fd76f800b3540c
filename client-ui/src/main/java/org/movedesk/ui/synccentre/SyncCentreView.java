package org.movedesk.ui.synccentre;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.core.outbox.OutboxView;
import org.movedesk.sync.events.NeedsAttentionItem;
import org.movedesk.ui.common.DialogService;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.FormDialog;
import org.movedesk.ui.common.Icons;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.TableMemory;
import org.movedesk.ui.common.Tables;
import org.movedesk.ui.common.ThemeService;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.common.ViewKeys;
import org.movedesk.ui.shell.RouteAware;

/** Thin controller of the sync centre: tables, the detail panes and the confirmations. */
@Component
@Scope("prototype")
public class SyncCentreView implements RouteAware {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK);

    private final SyncCentreViewModel model;
    private final DialogService dialogs;
    private final ThemeService theme;
    private final UiSettings settings;
    private final ViewKeys keys;

    @FXML private VBox syncRoot;
    @FXML private Label countsLabel;
    @FXML private Button pauseButton;
    @FXML private Button syncNowButton;
    @FXML private Label connectivityLabel;
    @FXML private Label activityLabel;
    @FXML private ProgressBar activityBar;
    @FXML private Label lastPushLabel;
    @FXML private Label lastPullLabel;
    @FXML private Label tokenProblemLabel;
    @FXML private Label clockWarningLabel;
    @FXML private Label noticeLabel;
    @FXML private Label errorLabel;
    @FXML private TabPane syncTabs;
    @FXML private Tab pendingTab;
    @FXML private Tab failedTab;
    @FXML private Tab conflictsTab;
    @FXML private Tab attentionTab;
    @FXML private TableView<OutboxView> pendingTable;
    @FXML private TableView<OutboxView> failedTable;
    @FXML private Label failedReasonLabel;
    @FXML private TextArea failedPayloadText;
    @FXML private Button retryButton;
    @FXML private Button editButton;
    @FXML private Button discardButton;
    @FXML private TableView<OutboxView> conflictTable;
    @FXML private TableView<SyncCentreViewModel.CompareRow> compareTable;
    @FXML private Button keepMineButton;
    @FXML private Button takeTheirsButton;
    @FXML private TableView<NeedsAttentionItem> attentionTable;
    @FXML private TextArea attentionText;
    @FXML private Button resolveButton;

    public SyncCentreView(SyncCentreViewModel model, DialogService dialogs, ThemeService theme, UiSettings settings,
                          Shortcuts shortcuts) {
        this.model = model;
        this.dialogs = dialogs;
        this.theme = theme;
        this.settings = settings;
        this.keys = new ViewKeys(shortcuts, "Sync centre");
    }

    @FXML
    private void initialize() {
        syncNowButton.setGraphic(Icons.of("mdmz-sync_alt"));
        countsLabel.textProperty().bind(model.countsProperty());
        pauseButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.pausedProperty()).then("Resume").otherwise("Pause"));
        pauseButton.disableProperty().bind(model.engineRunningProperty().not());
        syncNowButton.disableProperty().bind(model.engineRunningProperty().not());
        connectivityLabel.textProperty().bind(model.connectivityProperty());
        model.onlineProperty().addListener((obs, old, now) -> connectivityLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("online"), now));
        activityLabel.textProperty().bind(javafx.beans.binding.Bindings.when(model.activityProperty().isEmpty())
                .then("Idle").otherwise(model.activityProperty()));
        activityBar.progressProperty().bind(model.activityProgressProperty());
        activityBar.visibleProperty().bind(model.activityProperty().isNotEmpty());
        lastPushLabel.textProperty().bind(model.lastPushProperty());
        lastPullLabel.textProperty().bind(model.lastPullProperty());
        message(tokenProblemLabel, model.tokenProblemProperty());
        message(clockWarningLabel, model.clockWarningProperty());
        message(noticeLabel, model.noticeProperty());
        message(errorLabel, model.errorProperty());

        outboxColumns(pendingTable, "sync.pending");
        pendingTable.setItems(model.pending());
        pendingTable.setPlaceholder(new Label("Nothing waiting: every change has reached the centre."));

        outboxColumns(failedTable, "sync.failed");
        failedTable.getColumns().add(Tables.text("reason", "Reason", 260,
                (OutboxView row) -> firstNonBlank(row.errorDetail(), row.errorTitle(), row.errorCode())));
        TableMemory.remember(failedTable, settings, "sync.failed.table");
        failedTable.setItems(model.failed());
        failedTable.setPlaceholder(new Label("No failed changes."));
        select(failedTable, model.selectedFailedProperty());
        failedReasonLabel.textProperty().bind(model.failedReasonProperty());
        failedPayloadText.textProperty().bind(model.failedPayloadProperty());
        var noFailed = model.selectedFailedProperty().isNull().or(model.busyProperty()).or(model.canManageQueueProperty().not());
        retryButton.disableProperty().bind(noFailed);
        editButton.disableProperty().bind(noFailed);
        discardButton.disableProperty().bind(noFailed);
        failedTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                discard();
                event.consume();
            }
        });

        outboxColumns(conflictTable, "sync.conflicts");
        conflictTable.setItems(model.conflicts());
        conflictTable.setPlaceholder(new Label("No conflicts with the centre."));
        select(conflictTable, model.selectedConflictProperty());
        compareTable.getColumns().setAll(List.of(
                Tables.text("field", "Field", 180, SyncCentreViewModel.CompareRow::field),
                Tables.text("local", "This desk", 260, SyncCentreViewModel.CompareRow::local),
                Tables.text("central", "The centre", 260, SyncCentreViewModel.CompareRow::central)));
        compareTable.setItems(model.compareRows());
        compareTable.setPlaceholder(new Label("Select a conflict to compare."));
        compareTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(SyncCentreViewModel.CompareRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("differs"), !empty && row != null && row.differs());
            }
        });
        var noConflict = model.selectedConflictProperty().isNull().or(model.busyProperty()).or(model.canManageQueueProperty().not());
        keepMineButton.disableProperty().bind(noConflict);
        takeTheirsButton.disableProperty().bind(noConflict);

        Tables.setUp(attentionTable, List.of(
                Tables.text("event", "Event", 220, NeedsAttentionItem::eventType),
                Tables.text("reason", "Reason", 360, NeedsAttentionItem::reason),
                Tables.text("deadAt", "Since", 120, item -> item.deadAt() == null ? "" : WHEN.format(item.deadAt().atZone(ZoneId.systemDefault())))),
                model.attention(), "No events need attention.", settings, "sync.attention.table");
        select(attentionTable, model.selectedAttentionProperty());
        attentionText.textProperty().bind(model.attentionDetailProperty());
        resolveButton.disableProperty().bind(model.selectedAttentionProperty().isNull().or(model.busyProperty()));
        resolveButton.visibleProperty().bind(model.canResolveProperty());

        pendingTab.textProperty().bind(javafx.beans.binding.Bindings.format("Waiting (%d)", javafx.beans.binding.Bindings.size(model.pending())));
        failedTab.textProperty().bind(javafx.beans.binding.Bindings.format("Failed (%d)", javafx.beans.binding.Bindings.size(model.failed())));
        conflictsTab.textProperty().bind(javafx.beans.binding.Bindings.format("Conflicts (%d)", javafx.beans.binding.Bindings.size(model.conflicts())));
        attentionTab.textProperty().bind(javafx.beans.binding.Bindings.format("Needs attention (%d)", javafx.beans.binding.Bindings.size(model.attention())));

        keys.key("Shortcut+R", "Sync now: send everything and refresh", this::syncNow)
                .key("Shortcut+Shift+P", "Pause or resume sync", this::togglePause)
                .key("F5", "Reload the lists", model::reload)
                .key("Alt+1", "Show changes waiting to be sent", () -> syncTabs.getSelectionModel().select(pendingTab))
                .key("Alt+2", "Show failed changes", () -> syncTabs.getSelectionModel().select(failedTab))
                .key("Alt+3", "Show conflicts", () -> syncTabs.getSelectionModel().select(conflictsTab))
                .key("Alt+4", "Show events that need attention", () -> syncTabs.getSelectionModel().select(attentionTab))
                .key("Alt+R", "Retry the selected failed change", this::retry)
                .key("Alt+E", "Edit and resend the selected failed change", this::editAndResend)
                .key("Alt+D", "Discard the selected failed change (asks why)", this::discard)
                .key("Alt+K", "Conflict: keep this desk's version (asks first)", this::keepMine)
                .key("Alt+T", "Conflict: take the centre's version (asks first)", this::takeTheirs)
                .key("Alt+S", "Mark the selected event resolved (asks what you did)", this::resolve)
                .describe("Delete", "Discard the selected failed change (asks why)")
                .installOn(syncRoot);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static void message(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static <T> void select(TableView<T> table, javafx.beans.property.ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> selected.set(now));
        selected.addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                }
            }
        });
    }

    private void outboxColumns(TableView<OutboxView> table, String key) {
        table.getColumns().setAll(List.of(
                Tables.text("id", "No.", 50, (OutboxView row) -> Long.toString(row.id())),
                Tables.text("what", "What", 230, OutboxView::label),
                Tables.text("action", "Action", 120, row -> Labels.of(row.action())),
                Tables.text("state", "State", 75, row -> Labels.of(row.state())),
                Tables.text("attempts", "Tries", 60, row -> Integer.toString(row.attempts())),
                Tables.text("when", "Recorded", 120, row -> row.occurredAt() == null ? ""
                        : WHEN.format(row.occurredAt().atZone(ZoneId.systemDefault()))),
                Tables.text("by", "By", 100, OutboxView::createdBy)));
        if (!key.equals("sync.failed")) {
            TableMemory.remember(table, settings, key + ".table");
        }
    }

    @FXML
    private void syncNow() {
        model.syncNow();
    }

    @FXML
    private void togglePause() {
        model.togglePause();
    }

    @FXML
    private void retry() {
        OutboxView entry = model.selectedFailedProperty().get();
        if (entry != null && !model.busyProperty().get()
                && dialogs.confirm("Retry", "Send change " + entry.id() + " (" + entry.label() + ") again as it is?", "Retry")) {
            model.retry(entry);
        }
    }

    @FXML
    private void editAndResend() {
        OutboxView entry = model.selectedFailedProperty().get();
        if (entry == null || model.busyProperty().get()) {
            return;
        }
        PayloadEditor editor;
        try {
            editor = model.edit(entry);
        } catch (RuntimeException cannot) {
            dialogs.showError("Cannot edit this change", ErrorMessages.forUser(cannot));
            return;
        }
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.getColumnConstraints().addAll(new ColumnConstraints(170), new ColumnConstraints(320));
        form.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        Node first = null;
        int row = 0;
        for (PayloadEditor.Field field : editor.fields()) {
            TextField input = new TextField();
            input.setId("payload-" + field.name());
            input.textProperty().bindBidirectional(field.textProperty());
            input.setEditable(field.editable());
            input.setAccessibleText(field.name() + (field.editable() ? "" : ", read only"));
            Label label = new Label(field.name());
            label.setLabelFor(input);
            Label problem = new Label();
            problem.getStyleClass().add("error-text");
            problem.textProperty().bind(field.problemProperty());
            problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            form.add(label, 0, row);
            form.add(new VBox(2, input, problem), 1, row);
            row++;
            if (first == null && field.editable()) {
                first = input;
            }
        }
        Label reason = new Label(model.failedReasonProperty().get());
        reason.setWrapText(true);
        reason.getStyleClass().add("reason-text");
        VBox content = new VBox(10, reason, new javafx.scene.control.ScrollPane(form));
        content.setPrefWidth(560);
        if (FormDialog.show(syncRoot, theme.stylesheets(), "Edit and resend",
                "Correct what the centre refused, then send again", "Resend", content, first,
                () -> editor.problems().isEmpty())) {
            model.resendEdited(entry, editor);
        }
    }

    @FXML
    private void discard() {
        OutboxView entry = model.selectedFailedProperty().get();
        if (entry == null || model.busyProperty().get()) {
            return;
        }
        Optional<String> why = dialogs.askText("Discard change",
                "Why is change " + entry.id() + " (" + entry.label() + ") given up? The history keeps the reason.", "");
        if (why.isEmpty()) {
            return;
        }
        if (why.get().isBlank()) {
            dialogs.showError("Discard change", "Say why this change is discarded; the history keeps the reason.");
            return;
        }
        if (dialogs.confirm("Discard change", "Discard change " + entry.id() + "? It will never be sent to the centre.",
                "Discard")) {
            model.discard(entry, why.get());
        }
    }

    @FXML
    private void keepMine() {
        OutboxView entry = model.selectedConflictProperty().get();
        if (entry != null && !model.busyProperty().get() && dialogs.confirm("Keep mine",
                "Keep this desk's version of " + entry.label() + " and send it to the centre again?", "Keep mine")) {
            model.keepMine(entry);
        }
    }

    @FXML
    private void takeTheirs() {
        OutboxView entry = model.selectedConflictProperty().get();
        if (entry != null && !model.busyProperty().get() && dialogs.confirm("Take theirs",
                "Take the centre's version of " + entry.label() + "? This desk's change (and later ones built on it) "
                        + "will be discarded.", "Take theirs")) {
            model.takeTheirs(entry);
        }
    }

    @FXML
    private void resolve() {
        NeedsAttentionItem item = model.selectedAttentionProperty().get();
        if (item == null || model.busyProperty().get() || !model.canResolveProperty().get()) {
            return;
        }
        dialogs.askText("Mark resolved", "What did you do to resolve it? The note is kept.", "")
                .ifPresent(note -> model.resolve(item, note));
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    @Override
    public void onShow(Object argument) {
        model.open();
        if ("conflicts".equals(argument)) {
            syncTabs.getSelectionModel().select(conflictsTab);
        } else if ("failed".equals(argument)) {
            syncTabs.getSelectionModel().select(failedTab);
        }
    }

    @Override
    public void onHide() {
        model.close();
    }

    @Override
    public Node initialFocus() {
        return syncTabs;
    }
}
