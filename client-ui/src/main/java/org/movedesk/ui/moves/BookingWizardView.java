package org.movedesk.ui.moves;

import java.util.List;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.core.moves.MoveType;
import org.movedesk.ui.common.DateFields;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.WizardKeys;
import org.movedesk.ui.shell.Navigator;
import org.movedesk.ui.shell.RouteAware;

/**
 * Thin controller of the booking wizard. The prison number is upper-cased as typed and
 * carries a ControlsFX validation decoration; Enter goes to the next step (or books on the
 * last), Escape leaves the wizard.
 */
@Component
@Scope("prototype")
public class BookingWizardView implements RouteAware {

    private static final String AREA = "Book a move";

    private final BookingWizardViewModel model;
    private final Navigator navigator;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private VBox bookingRoot;
    @FXML private Label stepPerson;
    @FXML private Label stepMove;
    @FXML private Label stepConfirm;
    @FXML private VBox personPage;
    @FXML private TextField prisonNumber;
    @FXML private Button findPerson;
    @FXML private Label personFound;
    @FXML private HBox lookupBox;
    @FXML private ProgressIndicator centralProgress;
    @FXML private Label lookupNote;
    @FXML private Button cancelLookup;
    @FXML private VBox newPersonBox;
    @FXML private TextField firstNames;
    @FXML private TextField lastName;
    @FXML private DatePicker dateOfBirth;
    @FXML private ComboBox<String> gender;
    @FXML private GridPane movePage;
    @FXML private ComboBox<MoveType> moveType;
    @FXML private SearchableComboBox<BookingWizardViewModel.LocationChoice> fromLocation;
    @FXML private SearchableComboBox<BookingWizardViewModel.LocationChoice> toLocation;
    @FXML private DatePicker moveDate;
    @FXML private TextField moveTime;
    @FXML private TextArea moveNotes;
    @FXML private VBox confirmPage;
    @FXML private VBox summaryLines;
    @FXML private Hyperlink duplicateLink;
    @FXML private Label wizardError;
    @FXML private Button wizardBack;
    @FXML private Button wizardNext;
    @FXML private Button wizardConfirm;
    @FXML private Button wizardCancel;

    public BookingWizardView(BookingWizardViewModel model, Navigator navigator, Shortcuts shortcuts) {
        this.model = model;
        this.navigator = navigator;
        shortcuts.add(AREA, "Enter", "In Prison number: find the person (the cache, then the centre); elsewhere next step, "
                + "and on the last step book the move");
        shortcuts.add(AREA, "Escape", "Stop asking the centre for a person; otherwise leave the wizard without booking");
        shortcuts.add(AREA, "Alt+B", "Back one step");
    }

    @FXML
    private void initialize() {
        // upper-case as typed, at most 7 characters: the shape check then reads what the user sees
        prisonNumber.setTextFormatter(new TextFormatter<String>(change -> {
            change.setText(change.getText().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s", ""));
            return change.getControlNewText().length() > 7 ? null : change;
        }));
        prisonNumber.textProperty().bindBidirectional(model.prisonNumberProperty());
        prisonNumber.setOnAction(event -> model.findPerson());
        validation.setValidationDecorator(new GraphicValidationDecoration());
        validation.registerValidator(prisonNumber, false, (control, value) -> {
            String problem = BookingWizardViewModel.problemWith((String) value);
            return ValidationResult.fromErrorIf(control, problem, !problem.isEmpty() && !((String) value).isEmpty());
        });
        findPerson.disableProperty().bind(model.prisonNumberValidBinding().not().or(model.busyProperty()));
        lookupNote.textProperty().bind(model.lookupNoteProperty());
        lookupBox.visibleProperty().bind(model.lookupNoteProperty().isNotEmpty());
        lookupBox.managedProperty().bind(lookupBox.visibleProperty());
        centralProgress.visibleProperty().bind(model.askingCentreProperty());
        centralProgress.managedProperty().bind(centralProgress.visibleProperty());
        cancelLookup.visibleProperty().bind(model.askingCentreProperty());
        cancelLookup.managedProperty().bind(cancelLookup.visibleProperty());
        personFound.textProperty().bind(model.personSummaryProperty());
        personFound.visibleProperty().bind(model.personSummaryProperty().isNotEmpty());
        personFound.managedProperty().bind(personFound.visibleProperty());
        newPersonBox.visibleProperty().bind(model.recordNewPersonProperty().and(model.personProperty().isNull()));
        newPersonBox.managedProperty().bind(newPersonBox.visibleProperty());
        firstNames.textProperty().bindBidirectional(model.firstNamesProperty());
        lastName.textProperty().bindBidirectional(model.lastNameProperty());
        dateOfBirth.valueProperty().bindBidirectional(model.dateOfBirthProperty());
        gender.getItems().setAll("", "Female", "Male", "Transgender", "Not specified");
        gender.valueProperty().bindBidirectional(model.genderProperty());

        moveType.getItems().setAll(MoveType.values());
        moveType.setConverter(enumLabels());
        moveType.valueProperty().bindBidirectional(model.moveTypeProperty());
        fromLocation.setItems(model.locationChoices());
        toLocation.setItems(model.locationChoices());
        fromLocation.valueProperty().bindBidirectional(model.fromProperty());
        toLocation.valueProperty().bindBidirectional(model.toProperty());
        DateFields.ukFormat(moveDate);
        DateFields.ukFormat(dateOfBirth);
        moveDate.valueProperty().bindBidirectional(model.dateProperty());
        moveTime.textProperty().bindBidirectional(model.timeProperty());
        moveNotes.textProperty().bindBidirectional(model.notesProperty());

        wizardError.textProperty().bind(model.errorProperty());
        wizardError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        wizardError.managedProperty().bind(wizardError.visibleProperty());
        duplicateLink.visibleProperty().bind(model.duplicateProperty().isNotNull());
        duplicateLink.managedProperty().bind(duplicateLink.visibleProperty());
        model.duplicateProperty().addListener((obs, old, existing) -> duplicateLink.setText(existing == null ? ""
                : "Open the existing move " + (existing.reference() == null ? "" : existing.reference())));
        model.stepProperty().addListener((obs, old, step) -> showStep(step));
        model.bookedProperty().addListener((obs, old, move) -> {
            if (move != null) {
                navigator.show(MovesFeature.DETAIL, move.getId());
            }
        });
        wizardConfirm.disableProperty().bind(model.busyProperty());
        wizardNext.disableProperty().bind(model.busyProperty());

        WizardKeys.create()
                .enter(() -> {
                    if (model.stepProperty().get() == BookingWizardViewModel.Step.CONFIRM) {
                        confirm();
                    } else {
                        next();
                    }
                })
                .escape(() -> {
                    // a look-up at the centre is stopped first; a second Escape leaves
                    if (model.askingCentreProperty().get()) {
                        model.cancelCentralLookup();
                    } else {
                        cancel();
                    }
                })
                .back(this::back)
                .enterBelongsTo(target -> target == prisonNumber)
                .installOn(bookingRoot);
        showStep(model.stepProperty().get());
    }

    private static <E extends Enum<E>> StringConverter<E> enumLabels() {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return Labels.of(value);
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        };
    }

    private void showStep(BookingWizardViewModel.Step step) {
        personPage.setVisible(step == BookingWizardViewModel.Step.PERSON);
        movePage.setVisible(step == BookingWizardViewModel.Step.MOVE);
        confirmPage.setVisible(step == BookingWizardViewModel.Step.CONFIRM);
        WizardKeys.markCurrent(switch (step) {
            case PERSON -> stepPerson;
            case MOVE -> stepMove;
            case CONFIRM -> stepConfirm;
        }, List.of(stepPerson, stepMove, stepConfirm));
        wizardBack.setDisable(step == BookingWizardViewModel.Step.PERSON);
        wizardNext.setVisible(step != BookingWizardViewModel.Step.CONFIRM);
        wizardNext.setManaged(wizardNext.isVisible());
        wizardConfirm.setVisible(step == BookingWizardViewModel.Step.CONFIRM);
        wizardConfirm.setManaged(wizardConfirm.isVisible());
        if (step == BookingWizardViewModel.Step.CONFIRM) {
            summaryLines.getChildren().setAll(model.summary().stream().map(line -> {
                Label label = new Label(line);
                label.setWrapText(true);
                return (Node) label;
            }).toList());
        }
        Node focus = switch (step) {
            case PERSON -> prisonNumber;
            case MOVE -> moveType;
            case CONFIRM -> wizardConfirm;
        };
        Platform.runLater(focus::requestFocus);
    }

    @FXML
    private void findPerson() {
        model.findPerson();
    }

    @FXML
    private void cancelLookup() {
        model.cancelCentralLookup();
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
    private void openDuplicate() {
        BookingWizardViewModel.ExistingMove existing = model.duplicateProperty().get();
        if (existing != null && existing.id() != null) {
            navigator.show(MovesFeature.DETAIL, existing.id());
        }
    }

    @Override
    public void onShow(Object argument) {
        model.reset();
        showStep(model.stepProperty().get());
    }

    @Override
    public Node initialFocus() {
        return prisonNumber;
    }
}
