package org.movedesk.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonService;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.ui.app.MoveDeskApplication;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.moves.BookingWizardViewModel;
import org.movedesk.ui.testing.DeskRobot;

/**
 * The real app online against the in-process sandbox (sync on), headless under Monocle: the
 * booking wizard finds a person only the centre knows, keeps them at the desk and books; then
 * signing out lets go of the operator's view models, so the next operator's desk does not keep
 * the old ones listening.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CentralLookupJourneyTest extends DeskRobot {

    private static Path store;
    private static MoveDeskApplication app;

    @BeforeAll
    static void startTheDesk() throws Exception {
        store = Files.createTempDirectory("movedesk-central-journey");
        app = startDesk(store, "--movedesk.demo.people=40", "--movedesk.demo.moves=30",
                "--movedesk.config.dir=" + store.resolve("config"));
        SyncStatus status = app.context().getBean(SyncStatus.class);
        waitUntil(START_SECONDS, () -> status.current().online());
    }

    @AfterAll
    static void stopTheDesk() throws Exception {
        stopDesk(app, store);
    }

    /** Someone recorded at the centre (say, by another desk) after this desk loaded its cache. */
    private static String personOnlyTheCentreKnows() throws Exception {
        Sandbox sandbox = app.context().getBean(Sandbox.class);
        String number;
        do {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            number = "Z" + (1000 + random.nextInt(9000)) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        } while (sandbox.state().personByPrisonNumber(number).isPresent());
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = json.createObjectNode();
        ObjectNode attributes = document.putObject("data").put("type", "people").putObject("attributes");
        attributes.put("first_names", "Cora").put("last_name", "Centralonly").put("date_of_birth", "1979-04-04")
                .put("prison_number", number);
        int status = app.context().getBean(CentralClients.class).moves().createPerson(document, UUID.randomUUID(), null).status();
        assertThat(status).isEqualTo(201);
        return number;
    }

    @Test
    @Order(1)
    void theWizardFindsAPersonOnlyKnownCentrallyAndBooksTheirMove() throws Exception {
        String number = personOnlyTheCentreKnows();
        PersonService people = app.context().getBean(PersonService.class);
        assertThat(people.findByPrisonNumber(number)).as("not in this desk's cache").isEmpty();
        signInAs("staff", "staff");

        shortcut(KeyCode.N);
        waitUntil(() -> showing("#prisonNumber"));
        clickOn("#prisonNumber").write(number.toLowerCase()).type(KeyCode.ENTER);

        waitUntil(() -> showing("#personFound") && text("#personFound").contains(number));
        assertThat(text("#personFound")).contains("CENTRALONLY");
        assertThat(text("#lookupNote")).contains("Found at the centre");
        assertThat(showing("#newPersonBox")).as("nothing to record by hand").isFalse();
        Person cached = people.findByPrisonNumber(number).orElseThrow();
        assertThat(cached.getCentralId()).isEqualTo(app.context().getBean(Sandbox.class).state()
                .personByPrisonNumber(number).orElseThrow().id().toString());

        clickOn("#wizardNext");
        waitUntil(() -> showing("#moveType"));
        LocationService locations = app.context().getBean(LocationService.class);
        var court = locations.search("", Set.of(LocationType.COURT), 1).get(0);
        var prison = locations.search("", Set.of(LocationType.PRISON), 1).get(0);
        interact(() -> {
            ComboBox<BookingWizardViewModel.LocationChoice> from = lookup("#fromLocation").query();
            ComboBox<BookingWizardViewModel.LocationChoice> to = lookup("#toLocation").query();
            from.setValue(from.getItems().stream().filter(c -> c.id().equals(prison.getId())).findFirst().orElseThrow());
            to.setValue(to.getItems().stream().filter(c -> c.id().equals(court.getId())).findFirst().orElseThrow());
        });
        clickOn("#wizardNext");
        waitUntil(() -> showing("#wizardConfirm"));
        clickOn("#wizardConfirm");
        waitUntil(() -> present("#moveTitle") && showing("#moveTitle") && text("#movePerson").contains(number));
    }

    @Test
    @Order(2)
    void aPrisonNumberNobodyKnowsSaysSoAndOffersToRecord() throws Exception {
        String unknown = "Z0000ZZ";
        assertThat(app.context().getBean(Sandbox.class).state().personByPrisonNumber(unknown)).isEmpty();
        shortcut(KeyCode.N);
        waitUntil(() -> showing("#prisonNumber"));
        clickOn("#prisonNumber").write(unknown).type(KeyCode.ENTER);
        waitUntil(() -> showing("#newPersonBox"));
        assertThat(text("#wizardError")).contains("known at this desk or at the centre");
        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#prisonNumber") || !present("#prisonNumber"));
    }

    @Test
    @Order(3)
    void aSlowLookUpCanBeStoppedWithEscapeAndTheWizardStays() throws Exception {
        Sandbox sandbox = app.context().getBean(Sandbox.class);
        sandbox.faults().setLatencyMillis(8_000);
        try {
            shortcut(KeyCode.N);
            waitUntil(() -> showing("#prisonNumber"));
            clickOn("#prisonNumber").write("Z0000ZY").type(KeyCode.ENTER);
            waitUntil(() -> showing("#cancelLookup") && showing("#centralProgress"));
            assertThat(text("#lookupNote")).contains("asking the centre");

            type(KeyCode.ESCAPE);

            waitUntil(() -> !showing("#cancelLookup"));
            assertThat(showing("#prisonNumber")).as("the first Escape stops the look-up, it does not leave").isTrue();
            assertThat(text("#wizardError")).contains("stopped");
            assertThat(showing("#newPersonBox")).isTrue();
        } finally {
            sandbox.faults().setLatencyMillis(0);
        }
        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#prisonNumber") || !present("#prisonNumber"));
    }

    @Test
    @Order(4)
    void signingOutLetsGoOfTheOperatorsViewModels() throws Exception {
        UiEventBus bus = app.infrastructure().events();
        visitTheListeningScreens();
        int whileStaff = bus.subscriptionCount();

        signOut();
        int signedOut = bus.subscriptionCount();
        assertThat(signedOut).as("the dashboard, move list and move detail stopped listening")
                .isLessThanOrEqualTo(whileStaff - 3);

        signInAs("supplier", "supplier");
        visitTheListeningScreens();
        assertThat(bus.subscriptionCount()).as("the new operator's views only, not the old ones as well")
                .isLessThanOrEqualTo(whileStaff);
        signOut();
        assertThat(bus.subscriptionCount()).as("nothing piles up from one operator to the next").isEqualTo(signedOut);
    }

    private void visitTheListeningScreens() throws Exception {
        shortcut(KeyCode.DIGIT1);
        waitUntil(() -> showing("#dashboardRoot"));
        shortcut(KeyCode.DIGIT2);
        waitUntil(() -> showing("#searchField"));
    }
}
