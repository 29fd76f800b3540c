package org.movedesk.ui.patients;


import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.core.restrictedpatients.PatientRow;
import org.movedesk.ui.common.DialogService;
import org.movedesk.ui.common.FormDialog;
import org.movedesk.ui.common.Icons;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.Tables;
import org.movedesk.ui.common.ThemeService;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.common.ViewKeys;
import org.movedesk.ui.shell.Navigator;
import org.movedesk.ui.shell.RouteAware;

/** Thin controller of the restricted-patient list and its small dialogs. */
@Component
@Scope("prototype")
public class PatientListView implements RouteAware {

    private final PatientListViewModel model;
    private final Navigator navigator;
    private final DialogService dialogs;
    private final ThemeService theme;
    private final UiSettings settings;
    private final ViewKeys keys;
    private final PauseTransition searchPause = new PauseTransition(Duration.millis(250));

    @FXML private VBox patientsRoot;
    @FXML private Button migrateButton;
    @FXML private Button dischargeButton;
    @FXML private CustomTextField searchField;
    @FXML private Button changePrisonButton;
    @FXML private Button removeButton;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label summaryLabel;
    @FXML private Label noticeLabel;
    @FXML private Label errorLabel;
    @FXML private TableView<PatientRow> patientTable;

    public PatientListView(PatientListViewModel model, Navigator navigator, DialogService dialogs, ThemeService theme,
                           UiSettings settings, Shortcuts shortcuts) {
        this.model = model;
        this.navigator = navigator;
        this.dialogs = dialogs;
        this.theme = theme;
        this.settings = settings;
        this.keys = new ViewKeys(shortcuts, "Restricted patients");
    }

    @FXML
    private void initialize() {
        searchField.setLeft(Icons.of("mdmz-search"));
        dischargeButton.setGraphic(Icons.of("mdal-local_hospital"));
        searchField.textProperty().bindBidirectional(model.searchProperty());
        searchPause.setOnFinished(event -> model.load());
        searchField.textProperty().addListener((obs, old, now) -> searchPause.playFromStart());
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                searchPause.stop();
                model.load();
                patientTable.requestFocus();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                searchField.clear();
                event.consume();
            }
        });
        searchField.disableProperty().bind(model.canSearchProperty().not());
        show(dischargeButton, model.canDischargeProperty());
        show(migrateButton, model.canMigrateProperty());
        show(changePrisonButton, model.canChangePrisonProperty());
        show(removeButton, model.canRemoveProperty());
        changePrisonButton.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        removeButton.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        bindMessage(errorLabel, model.errorProperty());
        bindMessage(noticeLabel, model.noticeProperty());

        Tables.setUp(patientTable, java.util.List.of(
                Tables.text("name", "Name", 180, PatientRow::personName),
                Tables.text("prisonNumber", "Prison no.", 105, PatientRow::prisonerNumber),
                Tables.text("hospital", "Hospital", 270, row -> titled(row.hospitalTitle(), row.hospitalLocationCode())),
                Tables.text("supportingPrison", "Supporting prison", 200,
                        row -> titled(row.supportingPrisonTitle(), row.supportingPrisonId())),
                Tables.text("dischargeDate", "Discharge date", 190, row -> row.dischargeTime() == null ? ""
                        : Labels.day(row.dischargeTime().toLocalDate()) + " " + Labels.time(row.dischargeTime().toLocalTime())),
                Tables.text("sync", "Sync", 80, row -> row.pendingSync() ? "Pending" : "Sent")),
                model.rows(), "No restricted patients match. Change the search, or discharge a prisoner to hospital.",
                settings, "patients.table");
        patientTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != patientTable.getSelectionModel().getSelectedItem()) {
                patientTable.getSelectionModel().select(now);
            }
        });
        patientTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && model.canChangePrisonProperty().get()) {
                changePrison();
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE && model.canRemoveProperty().get()) {
                remove();
                event.consume();
            }
        });

        keys.key("Shortcut+F", "Search patients", searchField::requestFocus)
                .key("Shortcut+D", "Discharge a prisoner to hospital", this::discharge)
                .key("Shortcut+M", "Add a prisoner already released to hospital", this::migrateIn)
                .key("Shortcut+P", "Change the selected patient's supporting prison", this::changePrison)
                .key("F5", "Reload the list", model::load)
                .describe("Enter", "Change the selected patient's supporting prison")
                .describe("Delete", "Remove the selected patient (asks first)")
                .installOn(patientsRoot);
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue allowed) {
        node.visibleProperty().bind(allowed);
        node.managedProperty().bind(allowed);
    }

    private static void bindMessage(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static String titled(String title, String id) {
        if (id == null) {
            return "";
        }
        return title == null ? id : title + " (" + id + ")";
    }

    @FXML
    private void discharge() {
        if (model.canDischargeProperty().get()) {
            navigator.show(PatientsFeature.DISCHARGE);
        }
    }

    @FXML
    private void changePrison() {
        PatientRow patient = model.selectedProperty().get();
        if (patient == null || !model.canChangePrisonProperty().get() || model.busyProperty().get()) {
            return;
        }
        SearchableComboBox<LocationChoice> prison = new SearchableComboBox<>(model.prisons());
        prison.setId("supportingPrisonChoice");
        prison.setMaxWidth(Double.MAX_VALUE);
        prison.setPromptText("type to search prisons");
        prison.setAccessibleText("New supporting prison, type to search");
        model.currentSupportingPrison(patient).ifPresent(prison::setValue);
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        VBox form = new VBox(8, new Label("Supporting prison for " + patient.prisonerNumber()
                + (patient.personName() == null ? "" : " " + patient.personName())), prison, problem);
        boolean confirmed = FormDialog.show(patientsRoot, theme.stylesheets(), "Change supporting prison",
                "Which prison supports this patient now?", "Change prison", form, prison, () -> {
                    problem.setText(prison.getValue() == null ? "Choose a prison." : "");
                    return prison.getValue() != null;
                });
        if (confirmed) {
            model.changeSupportingPrison(patient, prison.getValue());
        }
    }

    @FXML
    private void remove() {
        PatientRow patient = model.selectedProperty().get();
        if (patient == null || !model.canRemoveProperty().get() || model.busyProperty().get()) {
            return;
        }
        if (dialogs.confirm("Remove restricted patient",
                "Remove " + patient.prisonerNumber() + (patient.personName() == null ? "" : " (" + patient.personName() + ")")
                        + " from the restricted patients? The centre is told, and the history keeps who did it.",
                "Remove patient")) {
            model.remove(patient);
        }
    }

    @FXML
    private void migrateIn() {
        if (!model.canMigrateProperty().get() || model.busyProperty().get()) {
            return;
        }
        model.startMigrateIn();
        TextField number = new TextField();
        number.setId("migratePrisonNumber");
        number.setPromptText("A1234BC");
        number.setAccessibleText("Prison number");
        number.setTextFormatter(new TextFormatter<String>(change -> {
            change.setText(change.getText().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s", ""));
            return change.getControlNewText().length() > 7 ? null : change;
        }));
        number.textProperty().bindBidirectional(model.migratePrisonNumberProperty());
        SearchableComboBox<LocationChoice> hospital = picker("migrateHospital", model.hospitals(), "Hospital, type to search");
        hospital.valueProperty().bindBidirectional(model.migrateHospitalProperty());
        SearchableComboBox<LocationChoice> from = picker("migrateFrom", model.prisons(), "Released from prison, type to search");
        from.valueProperty().bindBidirectional(model.migrateFromProperty());
        DatePicker date = new DatePicker();
        date.setId("migrateDate");
        org.movedesk.ui.common.DateFields.ukFormat(date);
        date.setAccessibleText("Date of release to hospital");
        date.valueProperty().bindBidirectional(model.migrateDateProperty());
        TextField time = new TextField();
        time.setId("migrateTime");
        time.setPromptText("HH:MM, optional");
        time.setAccessibleText("Time of release, optional");
        time.textProperty().bindBidirectional(model.migrateTimeProperty());
        Label problems = new Label();
        problems.getStyleClass().add("error-text");
        problems.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new ColumnConstraints(150), new ColumnConstraints());
        form.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        form.addRow(0, labelFor("Prison number", number), number);
        form.addRow(1, labelFor("Hospital", hospital), hospital);
        form.addRow(2, labelFor("Released from", from), from);
        form.addRow(3, labelFor("Date of release", date), date);
        form.addRow(4, labelFor("Time", time), time);
        form.add(problems, 0, 5, 2, 1);
        boolean confirmed = FormDialog.show(patientsRoot, theme.stylesheets(), "Add a prisoner released to hospital",
                "For a prisoner the prison system already shows as released to hospital", "Add patient", form, number, () -> {
                    problems.setText(String.join("\n", model.migrateInProblems()));
                    return problems.getText().isEmpty();
                });
        if (confirmed) {
            model.migrateIn();
        }
    }

    private static SearchableComboBox<LocationChoice> picker(String id, javafx.collections.ObservableList<LocationChoice> items,
                                                             String accessible) {
        SearchableComboBox<LocationChoice> box = new SearchableComboBox<>(items);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("type to search");
        box.setAccessibleText(accessible);
        return box;
    }

    private static Label labelFor(String text, Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        return label;
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    @Override
    public void onShow(Object argument) {
        model.open();
    }

    @Override
    public Node initialFocus() {
        return model.canSearchProperty().get() ? searchField : patientTable;
    }

    /** For tests and the screenshot tool. */
    public TableView<PatientRow> table() {
        return patientTable;
    }
}
