package org.movedesk.ui.patients;

import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.WizardKeys;
import org.movedesk.ui.shell.Navigator;
import org.movedesk.ui.shell.RouteAware;

/**
 * Thin controller of the discharge wizard. Enter finds the prisoner in the number field, goes
 * to the next step elsewhere, and discharges on the check page; Escape leaves; Alt+B goes back.
 */
@Component
@Scope("prototype")
public class DischargeWizardView implements RouteAware {

    private final DischargeWizardViewModel model;
    private final Navigator navigator;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private VBox dischargeRoot;
    @FXML private Label stepFind;
    @FXML private Label stepHospital;
    @FXML private Label stepConfirm;
    @FXML private Label stepDone;
    @FXML private VBox findPage;
    @FXML private TextField dischargePrisonNumber;
    @FXML private Button findPrisoner;
    @FXML private Label prisonerFound;
    @FXML private GridPane hospitalPage;
    @FXML private SearchableComboBox<LocationChoice> hospitalChoice;
    @FXML private SearchableComboBox<LocationChoice> fromPrisonChoice;
    @FXML private SearchableComboBox<LocationChoice> supportingPrisonChoice;
    @FXML private DatePicker dischargeDate;
    @FXML private TextField dischargeTime;
    @FXML private TextArea dischargeComment;
    @FXML private Label commentCounter;
    @FXML private VBox confirmPage;
    @FXML private VBox summaryLines;
    @FXML private VBox donePage;
    @FXML private Label doneText;
    @FXML private Button anotherButton;
    @FXML private Label wizardError;
    @FXML private HBox wizardButtons;
    @FXML private Button dischargeBack;
    @FXML private Button dischargeNext;
    @FXML private Button dischargeConfirm;

    public DischargeWizardView(DischargeWizardViewModel model, Navigator navigator, Shortcuts shortcuts) {
        this.model = model;
        this.navigator = navigator;
        shortcuts.add("Discharge to hospital", "Enter", "Find the prisoner; next step; on the check page, discharge");
        shortcuts.add("Discharge to hospital", "Escape", "Leave the wizard without discharging");
        shortcuts.add("Discharge to hospital", "Alt+B", "Back one step");
        shortcuts.add("Discharge to hospital", "Alt+N", "After a discharge: discharge another prisoner");
    }

    @FXML
    private void initialize() {
        dischargePrisonNumber.setTextFormatter(new TextFormatter<String>(change -> {
            change.setText(change.getText().toUpperCase(Locale.ROOT).replaceAll("\\s", ""));
            return change.getControlNewText().length() > 7 ? null : change;
        }));
        dischargePrisonNumber.textProperty().bindBidirectional(model.prisonNumberProperty());
        dischargePrisonNumber.setOnAction(event -> {
            if (model.prisonerProperty().get() != null) {
                model.next();
            } else {
                model.find();
            }
        });
        validation.setValidationDecorator(new GraphicValidationDecoration());
        validation.registerValidator(dischargePrisonNumber, false, (control, value) -> {
            String problem = DischargeWizardViewModel.prisonNumberProblem((String) value);
            return ValidationResult.fromErrorIf(control, problem, !problem.isEmpty() && !((String) value).isEmpty());
        });
        findPrisoner.disableProperty().bind(model.busyProperty());
        prisonerFound.textProperty().bind(model.prisonerSummaryProperty());

        hospitalChoice.setItems(model.hospitals());
        fromPrisonChoice.setItems(model.prisons());
        supportingPrisonChoice.setItems(model.prisons());
        hospitalChoice.valueProperty().bindBidirectional(model.hospitalProperty());
        fromPrisonChoice.valueProperty().bindBidirectional(model.fromPrisonProperty());
        supportingPrisonChoice.valueProperty().bindBidirectional(model.supportingPrisonProperty());
        org.movedesk.ui.common.DateFields.ukFormat(dischargeDate);
        dischargeDate.valueProperty().bindBidirectional(model.dischargeDateProperty());
        dischargeTime.textProperty().bindBidirectional(model.dischargeTimeProperty());
        dischargeComment.textProperty().bindBidirectional(model.commentProperty());
        commentCounter.textProperty().bind(model.commentLeftProperty().asString("%d characters left"));
        model.commentLeftProperty().addListener((obs, old, left) ->
                commentCounter.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("over"), left.intValue() < 0));

        wizardError.textProperty().bind(model.errorProperty());
        wizardError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        wizardError.managedProperty().bind(wizardError.visibleProperty());
        doneText.textProperty().bind(model.doneTextProperty());
        dischargeConfirm.disableProperty().bind(model.busyProperty());
        dischargeNext.disableProperty().bind(model.busyProperty());
        model.stepProperty().addListener((obs, old, step) -> showStep(step));

        WizardKeys.create()
                .enter(() -> {
                    switch (model.stepProperty().get()) {
                        case CONFIRM -> model.confirm();
                        case DONE -> toList();
                        default -> model.next();
                    }
                })
                .escape(this::cancel)
                .back(model::back)
                .key("Alt+N", () -> {
                    if (model.stepProperty().get() == DischargeWizardViewModel.Step.DONE) {
                        another();
                    }
                })
                .enterBelongsTo(target -> target == dischargePrisonNumber || target instanceof Button)
                .installOn(dischargeRoot);
        showStep(model.stepProperty().get());
    }

    private void showStep(DischargeWizardViewModel.Step step) {
        findPage.setVisible(step == DischargeWizardViewModel.Step.FIND);
        hospitalPage.setVisible(step == DischargeWizardViewModel.Step.HOSPITAL);
        confirmPage.setVisible(step == DischargeWizardViewModel.Step.CONFIRM);
        donePage.setVisible(step == DischargeWizardViewModel.Step.DONE);
        WizardKeys.markCurrent(switch (step) {
            case FIND -> stepFind;
            case HOSPITAL -> stepHospital;
            case CONFIRM -> stepConfirm;
            case DONE -> stepDone;
        }, List.of(stepFind, stepHospital, stepConfirm, stepDone));
        boolean done = step == DischargeWizardViewModel.Step.DONE;
        wizardButtons.setVisible(!done);
        wizardButtons.setManaged(!done);
        dischargeBack.setDisable(step == DischargeWizardViewModel.Step.FIND);
        dischargeNext.setVisible(step == DischargeWizardViewModel.Step.FIND || step == DischargeWizardViewModel.Step.HOSPITAL);
        dischargeNext.setManaged(dischargeNext.isVisible());
        dischargeConfirm.setVisible(step == DischargeWizardViewModel.Step.CONFIRM);
        dischargeConfirm.setManaged(dischargeConfirm.isVisible());
        if (step == DischargeWizardViewModel.Step.CONFIRM) {
            summaryLines.getChildren().setAll(model.summary().stream().map(line -> {
                Label label = new Label(line);
                label.setWrapText(true);
                return (Node) label;
            }).toList());
        }
        Node focus = switch (step) {
            case FIND -> dischargePrisonNumber;
            case HOSPITAL -> hospitalChoice;
            case CONFIRM -> dischargeConfirm;
            case DONE -> anotherButton;
        };
        Platform.runLater(focus::requestFocus);
    }

    @FXML
    private void find() {
        model.find();
    }

    @FXML
    private void next() {
        model.next();
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void confirm() {
        model.confirm();
    }

    @FXML
    private void cancel() {
        navigator.back();
    }

    @FXML
    private void another() {
        model.reset(null);
        showStep(model.stepProperty().get());
    }

    @FXML
    private void toList() {
        navigator.show(PatientsFeature.LIST);
    }

    @Override
    public void onShow(Object argument) {
        model.reset(argument instanceof String number ? number : null);
        showStep(model.stepProperty().get());
    }

    @Override
    public Node initialFocus() {
        return dischargePrisonNumber;
    }
}
