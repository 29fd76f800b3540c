package org.movedesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.store.StoreUrl;
import org.movedesk.core.testing.CoreTestApplication;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.testing.SameThreadTaskRunner;

/** A real desk's first start: an empty store of its own, so the form asks for the administrator. */
@SpringBootTest(classes = CoreTestApplication.class)
class FirstRunSignInTest {

    private static Path store;

    @DynamicPropertySource
    static void emptyStore(DynamicPropertyRegistry registry) throws Exception {
        store = Files.createTempDirectory("movedesk-first-run");
        registry.add("spring.datasource.url", () -> StoreUrl.forDirectory(store));
    }

    @AfterAll
    static void removeStore() {
        StoreFixture.deleteQuietly(store);
    }

    @Autowired OperatorService operators;

    @Test
    void firstRunCreatesTheAdministratorThenSignsThemIn() {
        SignInViewModel model = new SignInViewModel(new SameThreadTaskRunner());
        List<Actor> signedIn = new ArrayList<>();
        model.setOnSignedIn(signedIn::add);
        model.connect(operators, StoreFixture.DESK, List.of());
        assertThat(model.firstRunProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("First run");

        model.usernameProperty().set("chief");
        model.displayNameProperty().set("Chris Chief");
        model.passwordProperty().set("short");
        model.confirmPasswordProperty().set("short");
        model.createFirstAdmin();
        assertThat(model.errorProperty().get()).as("core's password rule, shown as it is")
                .contains("at least 10 characters");
        assertThat(signedIn).isEmpty();

        model.passwordProperty().set("a-long-enough-secret");
        model.confirmPasswordProperty().set("a-long-enough-secret");
        model.createFirstAdmin();

        assertThat(signedIn).singleElement().satisfies(actor -> {
            assertThat(actor.username()).isEqualTo("chief");
            assertThat(actor.roles()).contains(Role.ADMIN);
        });
        assertThat(model.firstRunProperty().get()).isFalse();
        assertThat(operators.hasAnyOperator()).isTrue();
    }
}
