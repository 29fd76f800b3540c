package org.movedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveRepository;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.store.StoreUrl;
import org.movedesk.core.testing.CoreTestApplication;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.status.SyncStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The configuration the app imports: the switch, and a fully wired desk pushing and pulling by itself. */
class SyncConfigurationTest {

    @TempDir
    Path store;

    ConfigurableApplicationContext context(String... properties) {
        String[] all = new String[properties.length + 2];
        all[0] = "spring.datasource.url=" + StoreUrl.forDirectory(store);
        all[1] = "spring.main.banner-mode=off";
        System.arraycopy(properties, 0, all, 2, properties.length);
        return new SpringApplicationBuilder(CoreTestApplication.class, SyncConfiguration.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).properties(all).run();
    }

    @Test
    void switchedOffThereIsAStatusButNoClientOrThread() {
        try (ConfigurableApplicationContext ctx = context("movedesk.sync.enabled=false")) {
            assertThat(ctx.getBean(SyncStatus.class).current().online()).isFalse();
            assertThat(ctx.getBeansOfType(SyncEngine.class)).isEmpty();
            assertThat(ctx.getBeansOfType(CentralClients.class)).isEmpty();
        }
    }

    @Test
    void switchedOnTheDeskPushesWhatIsRecordedAndComesOnline() {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().people(100).build());
             ConfigurableApplicationContext ctx = context(
                     "movedesk.central.moves-url=" + sandbox.baseUri(),
                     "movedesk.central.rp-url=" + sandbox.baseUri(),
                     "movedesk.central.token-url=" + sandbox.baseUri() + "/oauth/token",
                     "movedesk.central.client-id=movedesk",
                     "movedesk.central.client-secret=movedesk-secret",
                     "movedesk.central.timeouts.read=10s",
                     "movedesk.sync.probe-interval=1s")) {
            SyncStatus status = ctx.getBean(SyncStatus.class);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status.current().lastPull() != null);
            assertThat(status.current().online()).isTrue();

            SandboxState.PersonSnapshot p = sandbox.state().peopleInPrison().stream()
                    .filter(x -> !x.profileIds().isEmpty()).findFirst().orElseThrow();
            Actor system = Actor.system("test", "desk");
            UUID personId = ctx.getBean(PersonService.class).upsertFromCentral(system, new PersonData(p.id().toString(),
                    p.prisonNumber(), null, p.firstNames(), p.lastName(), p.dateOfBirth(), null,
                    p.profileIds().get(0).toString())).getId();
            UUID prison = sandbox.state().locationByAgencyId(p.prisonAgencyId()).orElseThrow().id();
            UUID court = sandbox.state().locationsOfType("court").get(0).id();
            Move m = ctx.getBean(MoveService.class).book(new Actor("jbloggs", Set.of(Role.PRISON_STAFF), "desk"),
                    new BookMove(personId, MoveType.COURT_APPEARANCE, prison, court, LocalDate.now().plusDays(2), null, null,
                            false));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    ctx.getBean(MoveRepository.class).findById(m.getId()).orElseThrow().getCentralId() != null);
            String centralId = ctx.getBean(MoveRepository.class).findById(m.getId()).orElseThrow().getCentralId();
            assertThat(sandbox.state().move(UUID.fromString(centralId))).isPresent();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status.current().lastPush() != null);
        }
    }
}
