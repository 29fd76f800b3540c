package org.movedesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.testing.ViewModelTest;

class SignInViewModelTest extends ViewModelTest {

    private SignInViewModel model;
    private final List<Actor> signedIn = new ArrayList<>();

    @BeforeEach
    void setUp() {
        operator("desk-staff", Role.PRISON_STAFF);
        model = new SignInViewModel(tasks);
        model.setOnSignedIn(signedIn::add);
    }

    @Test
    void formDoesNothingUntilCoreIsConnected() {
        model.usernameProperty().set("desk-staff");
        model.passwordProperty().set(PASSWORD);

        model.signIn();

        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).contains("Starting");
        assertThat(tasks.titles).isEmpty();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void rightPasswordSignsTheOperatorIn() {
        model.connect(operators, StoreFixture.DESK, List.of());
        model.usernameProperty().set("desk-staff");
        model.passwordProperty().set(PASSWORD);

        model.signIn();

        assertThat(signedIn).singleElement().satisfies(actor -> {
            assertThat(actor.username()).isEqualTo("desk-staff");
            assertThat(actor.roles()).containsExactly(Role.PRISON_STAFF);
            assertThat(actor.deskId()).isEqualTo(StoreFixture.DESK);
        });
        assertThat(model.passwordProperty().get()).as("password not kept after sign-in").isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void wrongPasswordShowsCoresMessageAndClearsThePassword() {
        model.connect(operators, StoreFixture.DESK, List.of());
        model.usernameProperty().set("desk-staff");
        model.passwordProperty().set("not-the-password");

        model.signIn();

        assertThat(signedIn).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("Wrong username or password.");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void emptyFormAsksForBothFields() {
        model.connect(operators, StoreFixture.DESK, List.of());

        model.signIn();

        assertThat(model.errorProperty().get()).isEqualTo("Enter your user name and password.");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void demoModeListsOperatorsAndAClickFillsTheForm() {
        model.connect(operators, StoreFixture.DESK, List.of("staff       prison staff", "admin       administrator"));

        assertThat(model.demoProperty().get()).isTrue();
        assertThat(model.demoOperators()).hasSize(2);
        model.useDemoOperator(model.demoOperators().get(0));
        assertThat(model.usernameProperty().get()).isEqualTo("staff");
        assertThat(model.passwordProperty().get()).isEqualTo("staff");
    }

    @Test
    void aStoreWithOperatorsIsNotAFirstRun() {
        model.connect(operators, StoreFixture.DESK, List.of());

        assertThat(model.firstRunProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).contains("Sign in");
    }

    @Test
    void firstAdminNeedsTheSamePasswordTwiceBeforeCoreIsAsked() {
        model.connect(operators, StoreFixture.DESK, List.of());
        model.usernameProperty().set("boss");
        model.passwordProperty().set("first-password-1");
        model.confirmPasswordProperty().set("first-password-2");

        model.createFirstAdmin();

        assertThat(model.errorProperty().get()).contains("two passwords differ");
        assertThat(tasks.titles).isEmpty();
    }

    @Test
    void secondFirstAdminIsRefusedWithCoresMessage() {
        model.connect(operators, StoreFixture.DESK, List.of());
        model.usernameProperty().set("boss");
        model.passwordProperty().set("first-password-1");
        model.confirmPasswordProperty().set("first-password-1");

        model.createFirstAdmin();

        assertThat(signedIn).isEmpty();
        assertThat(model.errorProperty().get()).contains("administrator already exists");
    }

    @Test
    void startFailureTellsTheUserWhatHappened() {
        model.startFailed(new IllegalStateException("Database may be already in use"));

        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("MoveDesk could not start.");
        assertThat(model.errorProperty().get()).contains("Database may be already in use").contains("Try again");
    }
}
