package org.movedesk.ui.signin;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/** Thin controller: binds the sign-in form to {@link SignInViewModel}. */
public class SignInView {

    private final SignInViewModel model;

    @FXML private Label signInMessage;
    @FXML private ProgressBar startingProgress;
    @FXML private TextField username;
    @FXML private TextField displayName;
    @FXML private VBox displayNameBox;
    @FXML private PasswordField password;
    @FXML private PasswordField confirmPassword;
    @FXML private VBox confirmBox;
    @FXML private Label signInError;
    @FXML private Button signInButton;
    @FXML private VBox demoBox;
    @FXML private ListView<String> demoOperators;

    public SignInView(SignInViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        signInMessage.textProperty().bind(model.messageProperty());
        signInError.textProperty().bind(model.errorProperty());
        signInError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        signInError.managedProperty().bind(signInError.visibleProperty());
        startingProgress.visibleProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        startingProgress.managedProperty().bind(startingProgress.visibleProperty());
        username.textProperty().bindBidirectional(model.usernameProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        displayName.textProperty().bindBidirectional(model.displayNameProperty());
        confirmPassword.textProperty().bindBidirectional(model.confirmPasswordProperty());
        username.disableProperty().bind(model.readyProperty().not());
        password.disableProperty().bind(model.readyProperty().not());
        signInButton.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        signInButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.firstRunProperty())
                .then("Create administrator and sign in").otherwise("Sign in"));
        displayNameBox.visibleProperty().bind(model.firstRunProperty());
        displayNameBox.managedProperty().bind(model.firstRunProperty());
        confirmBox.visibleProperty().bind(model.firstRunProperty());
        confirmBox.managedProperty().bind(model.firstRunProperty());
        demoBox.visibleProperty().bind(model.demoProperty());
        demoBox.managedProperty().bind(model.demoProperty());
        demoOperators.setItems(model.demoOperators());
        demoOperators.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                String[] parts = line.trim().split("\\s{2,}", 2);
                Label user = new Label(parts[0]);
                user.setMinWidth(90);
                user.getStyleClass().add("section-title");
                Label what = new Label(parts.length > 1 ? parts[1] : "");
                what.getStyleClass().add("text-muted");
                javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, user, what);
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setGraphic(row);
                setText(null);
                setAccessibleText(line);
            }
        });
        demoOperators.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                fillFromDemo();
            }
        });
        demoOperators.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                fillFromDemo();
                event.consume();
            }
        });
        model.readyProperty().addListener((obs, was, ready) -> {
            if (ready) {
                Platform.runLater(() -> username.requestFocus());
            }
        });
    }

    private void fillFromDemo() {
        String chosen = demoOperators.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            model.useDemoOperator(chosen);
            signInButton.requestFocus();
        }
    }

    @FXML
    private void submit() {
        if (model.firstRunProperty().get()) {
            model.createFirstAdmin();
        } else {
            model.signIn();
        }
    }

    public void focusUsername() {
        username.requestFocus();
    }
}
