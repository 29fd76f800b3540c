package org.movedesk.ui.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SearchableComboBox;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import org.movedesk.core.operators.OperatorView;
import org.movedesk.core.operators.Role;
import org.movedesk.ui.common.FormDialog;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Shortcuts;
import org.movedesk.ui.common.Tables;
import org.movedesk.ui.common.ThemeService;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.common.ViewKeys;
import org.movedesk.ui.settings.SettingsViewModel;
import org.movedesk.ui.shell.RouteAware;

/** Thin controller of the Administration screen: operators, desk locations, central service, appearance and lock. */
@Component
@Scope("prototype")
public class AdminView implements RouteAware {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private final OperatorsViewModel operators;
    private final DeskLocationsViewModel locations;
    private final CentralConnectionViewModel central;
    private final SettingsViewModel appearance;
    private final BackupViewModel backup;
    private final org.movedesk.ui.common.DialogService dialogs;
    private final ThemeService theme;
    private final UiSettings settings;
    private final ViewKeys keys;
    private final javafx.beans.property.StringProperty newProblemText = new javafx.beans.property.SimpleStringProperty("");

    @FXML private VBox adminRoot;
    @FXML private TabPane adminTabs;
    @FXML private Tab operatorsTab;
    @FXML private Tab locationsTab;
    @FXML private Tab centralTab;
    @FXML private Tab appearanceTab;
    @FXML private TableView<OperatorView> operatorTable;
    @FXML private Button enableButton;
    @FXML private Button resetPasswordButton;
    @FXML private Button rolesButton;
    @FXML private Label operatorNotice;
    @FXML private Label operatorError;
    @FXML private TextField newUsername;
    @FXML private TextField newDisplayName;
    @FXML private PasswordField newPassword;
    @FXML private PasswordField newConfirm;
    @FXML private FlowPane newRoles;
    @FXML private Label newProblems;
    @FXML private Button createOperatorButton;
    @FXML private Label deskNameLabel;
    @FXML private SearchableComboBox<DeskLocationsViewModel.Place> locationPicker;
    @FXML private ListView<DeskLocationsViewModel.Place> ownLocations;
    @FXML private Button removeLocationButton;
    @FXML private Button saveLocationsButton;
    @FXML private Label locationsNotice;
    @FXML private Label locationsError;
    @FXML private TextField movesUrl;
    @FXML private TextField rpUrl;
    @FXML private TextField tokenUrl;
    @FXML private TextField clientId;
    @FXML private PasswordField clientSecret;
    @FXML private Button testConnectionButton;
    @FXML private ProgressIndicator testProgress;
    @FXML private Button cancelTestButton;
    @FXML private Label testResult;
    @FXML private Label centralNotice;
    @FXML private Label centralError;
    @FXML private Tab backupTab;
    @FXML private Button backupNowButton;
    @FXML private Button backupToButton;
    @FXML private Button restoreButton;
    @FXML private Button cancelRestoreButton;
    @FXML private Button diagnosticsButton;
    @FXML private ListView<String> backupList;
    @FXML private Label backupNotice;
    @FXML private Label backupError;
    @FXML private CheckBox darkTheme;
    @FXML private Spinner<Integer> lockMinutes;
    @FXML private Label settingsNotice;
    @FXML private Label settingsError;

    public AdminView(OperatorsViewModel operators, DeskLocationsViewModel locations, CentralConnectionViewModel central,
                     SettingsViewModel appearance, BackupViewModel backup, org.movedesk.ui.common.DialogService dialogs,
                     ThemeService theme, UiSettings settings, Shortcuts shortcuts) {
        this.backup = backup;
        this.dialogs = dialogs;
        this.operators = operators;
        this.locations = locations;
        this.central = central;
        this.appearance = appearance;
        this.theme = theme;
        this.settings = settings;
        this.keys = new ViewKeys(shortcuts, "Administration");
    }

    @FXML
    private void initialize() {
        setUpOperators();
        setUpLocations();
        setUpCentral();
        setUpAppearance();
        setUpBackup();
        keys.key("Alt+1", "Operators tab", () -> adminTabs.getSelectionModel().select(operatorsTab))
                .key("Alt+2", "Desk locations tab", () -> adminTabs.getSelectionModel().select(locationsTab))
                .key("Alt+3", "Central service tab", () -> adminTabs.getSelectionModel().select(centralTab))
                .key("Alt+4", "Appearance and lock tab", () -> adminTabs.getSelectionModel().select(appearanceTab))
                .key("Alt+N", "Operators: start a new operator", this::newOperator)
                .key("Alt+C", "Operators: create the new operator", this::createOperator)
                .key("Alt+A", "Operators: enable or disable the selected account", this::toggleEnabled)
                .key("Alt+P", "Operators: reset the selected operator's password", this::resetPassword)
                .key("Alt+O", "Operators: change the selected operator's roles", this::changeRoles)
                .key("Alt+D", "Desk locations: add the chosen location", this::addLocation)
                .key("Alt+T", "Central service: test connection", this::testConnection)
                .key("Alt+5", "Backup and support tab", () -> adminTabs.getSelectionModel().select(backupTab))
                .key("Alt+U", "Back up the store now", this::backupNow)
                .key("Alt+G", "Write a diagnostics bundle", this::diagnostics)
                .key("Alt+F", "Back up the store to a file you choose", () -> whenEnabled(backupToButton, this::backupTo))
                .key("Alt+R", "Restore the store from a backup file at the next start (asks first)",
                        () -> whenEnabled(restoreButton, this::restore))
                .key("Alt+K", "Keep the current store: cancel a pending restore", () -> whenEnabled(cancelRestoreButton, this::cancelRestore))
                .key("Shortcut+Period", "Central service: cancel the running connection test", () -> {
                    if (central.testingProperty().get()) {
                        cancelTest();
                    }
                })
                .key("Alt+S", "Save the current tab", this::saveCurrentTab)
                .describe("Delete", "Desk locations: remove the selected location")
                .installOn(adminRoot);
    }

    /** A key does what its button does, and only when the button could be pressed. */
    private static void whenEnabled(Button button, Runnable action) {
        if (button.isVisible() && !button.isDisabled()) {
            action.run();
        }
    }

    private void setUpOperators() {
        Tables.setUp(operatorTable, List.of(
                Tables.text("username", "Username", 100, OperatorView::username),
                Tables.text("name", "Name", 130, OperatorView::displayName),
                Tables.text("roles", "Roles", 210, view -> view.roles().stream().sorted().map(AdminView::roleLabel).collect(Collectors.joining(", "))),
                Tables.text("state", "State", 75, view -> !view.enabled() ? "Disabled" : view.locked() ? "Locked" : "Active"),
                Tables.text("lastSignIn", "Last sign-in", 125, view -> view.lastSignInAt() == null ? "never"
                        : WHEN.format(view.lastSignInAt().atZone(ZoneId.systemDefault())))),
                operators.rows(), "No operators yet.", settings, "admin.operators.table");
        operatorTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> operators.selectedProperty().set(now));
        operators.selectedProperty().addListener((obs, old, now) -> {
            enableButton.setText(now != null && !now.enabled() ? "Enable" : "Disable");
            if (now != operatorTable.getSelectionModel().getSelectedItem()) {
                operatorTable.getSelectionModel().select(now);
            }
        });
        var none = operators.selectedProperty().isNull().or(operators.busyProperty());
        enableButton.disableProperty().bind(none);
        resetPasswordButton.disableProperty().bind(none);
        rolesButton.disableProperty().bind(none);
        message(operatorNotice, operators.noticeProperty());
        message(operatorError, operators.errorProperty());

        newUsername.textProperty().bindBidirectional(operators.usernameProperty());
        newDisplayName.textProperty().bindBidirectional(operators.displayNameProperty());
        newPassword.textProperty().bindBidirectional(operators.passwordProperty());
        newConfirm.textProperty().bindBidirectional(operators.confirmProperty());
        newRoles.getChildren().setAll(roleBoxes(operators.roles(), "newRole-"));
        newUsername.setOnAction(event -> newDisplayName.requestFocus());
        newDisplayName.setOnAction(event -> newPassword.requestFocus());
        newPassword.setOnAction(event -> newConfirm.requestFocus());
        newConfirm.setOnAction(event -> createOperator());
        createOperatorButton.disableProperty().bind(operators.busyProperty());
        message(newProblems, newProblemText);
    }

    /** One check box per assignable role, kept in step with the set both ways. */
    private static List<Node> roleBoxes(javafx.collections.ObservableSet<Role> chosen, String idPrefix) {
        List<Node> boxes = new java.util.ArrayList<>();
        for (Role role : OperatorsViewModel.ASSIGNABLE) {
            CheckBox box = new CheckBox(roleLabel(role));
            box.setMnemonicParsing(false);
            box.setId(idPrefix + role.name());
            box.setAccessibleText("Role " + Labels.of(role));
            box.setSelected(chosen.contains(role));
            box.selectedProperty().addListener((obs, was, now) -> {
                if (now) {
                    chosen.add(role);
                } else {
                    chosen.remove(role);
                }
            });
            chosen.addListener((SetChangeListener<Role>) change -> box.setSelected(chosen.contains(role)));
            boxes.add(box);
        }
        return boxes;
    }

    /** How a role reads on screen: "RP transfer", "Prison staff". */
    static String roleLabel(Role role) {
        String words = Labels.of(role);
        return words.startsWith("Rp ") ? "RP " + words.substring(3) : role == Role.ADMIN ? "Administrator" : words;
    }

    private void setUpLocations() {
        deskNameLabel.textProperty().bind(locations.deskNameProperty());
        locationPicker.setItems(locations.all());
        locationPicker.valueProperty().bindBidirectional(locations.toAddProperty());
        ownLocations.setItems(locations.own());
        ownLocations.setPlaceholder(new Label("No locations yet: add the prisons, courts or hospitals this desk works for."));
        ownLocations.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> locations.selectedOwnProperty().set(now));
        ownLocations.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                locations.removeSelected();
                event.consume();
            }
        });
        removeLocationButton.disableProperty().bind(locations.selectedOwnProperty().isNull());
        saveLocationsButton.disableProperty().bind(locations.dirtyProperty().not().or(locations.busyProperty()));
        message(locationsNotice, locations.noticeProperty());
        message(locationsError, locations.errorProperty());
    }

    private void setUpCentral() {
        movesUrl.textProperty().bindBidirectional(central.movesUrlProperty());
        rpUrl.textProperty().bindBidirectional(central.rpUrlProperty());
        tokenUrl.textProperty().bindBidirectional(central.tokenUrlProperty());
        clientId.textProperty().bindBidirectional(central.clientIdProperty());
        clientSecret.textProperty().bindBidirectional(central.clientSecretProperty());
        testConnectionButton.disableProperty().bind(central.testingProperty());
        testProgress.visibleProperty().bind(central.testingProperty());
        cancelTestButton.visibleProperty().bind(central.testingProperty());
        cancelTestButton.managedProperty().bind(central.testingProperty());
        testResult.textProperty().bind(central.resultTextProperty());
        central.resultProperty().addListener((obs, old, now) -> {
            testResult.getStyleClass().removeAll("test-ok", "test-bad");
            if (now != null) {
                testResult.getStyleClass().add(now.outcome() == ConnectionTester.Outcome.OK ? "test-ok" : "test-bad");
            }
        });
        message(centralNotice, central.noticeProperty());
        message(centralError, central.errorProperty());
    }

    private void setUpAppearance() {
        darkTheme.selectedProperty().bindBidirectional(appearance.darkProperty());
        lockMinutes.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 480, appearance.lockMinutesProperty().get()));
        lockMinutes.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                appearance.lockMinutesProperty().set(now);
            }
        });
        appearance.lockMinutesProperty().addListener((obs, old, now) -> lockMinutes.getValueFactory().setValue(now.intValue()));
        message(settingsNotice, appearance.noticeProperty());
        message(settingsError, appearance.errorProperty());
    }

    private void setUpBackup() {
        backupList.setItems(backup.backups());
        backupList.setPlaceholder(new Label("No backups yet."));
        var busy = backup.busyProperty();
        for (Button button : List.of(backupNowButton, backupToButton, restoreButton, diagnosticsButton)) {
            button.disableProperty().bind(busy);
        }
        cancelRestoreButton.disableProperty().bind(busy.or(backup.restorePendingProperty().not()));
        message(backupNotice, backup.noticeProperty());
        message(backupError, backup.errorProperty());
        backup.availableProperty().addListener((obs, old, now) -> showBackupTab(now));
    }

    private void showBackupTab(boolean available) {
        if (!available) {
            adminTabs.getTabs().remove(backupTab);
        } else if (!adminTabs.getTabs().contains(backupTab)) {
            adminTabs.getTabs().add(backupTab);
        }
    }

    @FXML
    private void backupNow() {
        if (backup.availableProperty().get() && !backup.busyProperty().get()) {
            adminTabs.getSelectionModel().select(backupTab);
            backup.backupNow(null);
        }
    }

    @FXML
    private void backupTo() {
        dialogs.chooseFile("Back up to", org.movedesk.ui.common.DialogService.FileChoice.SAVE, "movedesk-backup.zip", "zip")
                .ifPresent(backup::backupNow);
    }

    @FXML
    private void restore() {
        dialogs.chooseFile("Restore from a backup", org.movedesk.ui.common.DialogService.FileChoice.OPEN, null, "zip")
                .filter(file -> dialogs.confirm("Restore from a backup",
                        "Replace everything in this desk's store with " + file.getFileName() + " when MoveDesk next starts? "
                                + "Changes made since that backup, including any not yet sent, will be lost.",
                        "Restore at next start"))
                .ifPresent(backup::restore);
    }

    @FXML
    private void cancelRestore() {
        backup.cancelRestore();
    }

    @FXML
    private void diagnostics() {
        if (!backup.availableProperty().get() || backup.busyProperty().get()) {
            return;
        }
        dialogs.chooseFile("Diagnostics bundle", org.movedesk.ui.common.DialogService.FileChoice.SAVE,
                "movedesk-diagnostics.zip", "zip").ifPresent(backup::diagnostics);
    }

    private static void message(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void newOperator() {
        adminTabs.getSelectionModel().select(operatorsTab);
        operators.startNew();
        newUsername.requestFocus();
    }

    @FXML
    private void createOperator() {
        if (operators.busyProperty().get()) {
            return;
        }
        List<String> problems = operators.newOperatorProblems();
        newProblemText.set(String.join("\n", problems));
        if (problems.isEmpty()) {
            operators.create();
        }
    }

    @FXML
    private void toggleEnabled() {
        OperatorView operator = operators.selectedProperty().get();
        if (operator != null && !operators.busyProperty().get()) {
            operators.setEnabled(operator, !operator.enabled());
        }
    }

    @FXML
    private void resetPassword() {
        OperatorView operator = operators.selectedProperty().get();
        if (operator == null || operators.busyProperty().get()) {
            return;
        }
        PasswordField first = new PasswordField();
        first.setId("resetPassword");
        first.setAccessibleText("New password");
        PasswordField again = new PasswordField();
        again.setId("resetConfirm");
        again.setAccessibleText("New password again");
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        VBox form = new VBox(6, new Label("New password"), first, new Label("New password again"), again, problem);
        if (FormDialog.show(adminRoot, theme.stylesheets(), "Reset password", "New password for " + operator.username(),
                "Set password", form, first, () -> {
                    List<String> problems = OperatorsViewModel.passwordProblems(first.getText(), again.getText());
                    problem.setText(String.join("\n", problems));
                    return problems.isEmpty();
                })) {
            operators.resetPassword(operator, first.getText(), again.getText());
        }
    }

    @FXML
    private void changeRoles() {
        OperatorView operator = operators.selectedProperty().get();
        if (operator == null || operators.busyProperty().get()) {
            return;
        }
        javafx.collections.ObservableSet<Role> chosen = javafx.collections.FXCollections.observableSet(
                operator.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(operator.roles()));
        FlowPane boxes = new FlowPane(12, 6);
        boxes.setPrefWrapLength(360);
        boxes.getChildren().setAll(roleBoxes(chosen, "editRole-"));
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        if (FormDialog.show(adminRoot, theme.stylesheets(), "Change roles", "Roles of " + operator.username(), "Save roles",
                new VBox(8, boxes, problem), boxes.getChildren().get(0), () -> {
                    problem.setText(chosen.isEmpty() ? "Give the operator at least one role." : "");
                    return !chosen.isEmpty();
                })) {
            operators.setRoles(operator, Set.copyOf(chosen));
        }
    }

    @FXML
    private void addLocation() {
        locations.add();
    }

    @FXML
    private void removeLocation() {
        locations.removeSelected();
    }

    @FXML
    private void saveLocations() {
        locations.save();
    }

    @FXML
    private void testConnection() {
        adminTabs.getSelectionModel().select(centralTab);
        central.testConnection();
    }

    @FXML
    private void cancelTest() {
        central.cancelTest();
    }

    @FXML
    private void saveCentral() {
        central.save();
    }

    @FXML
    private void applySettings() {
        lockMinutes.increment(0);
        appearance.apply();
    }

    private void saveCurrentTab() {
        Tab tab = adminTabs.getSelectionModel().getSelectedItem();
        if (tab == locationsTab) {
            saveLocations();
        } else if (tab == centralTab) {
            saveCentral();
        } else if (tab == appearanceTab) {
            applySettings();
        } else {
            createOperator();
        }
    }

    @Override
    public void onShow(Object argument) {
        operators.load();
        if (operators.usernameProperty().get().isEmpty()) {
            operators.startNew();
        }
        locations.load();
        central.load();
        appearance.load();
        backup.load();
        showBackupTab(backup.availableProperty().get());
    }

    @Override
    public Node initialFocus() {
        return operatorTable;
    }
}
