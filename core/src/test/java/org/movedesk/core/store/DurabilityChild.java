package org.movedesk.core.store;

import java.nio.file.Path;
import java.util.Map;

import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.people.Person;
import org.movedesk.core.testing.CoreTestApplication;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Child process of {@link KillNineDurabilityTest}: opens a real file store through the real
 * services and records actions until it is killed, printing "ACK ..." only after a service
 * call has returned (the moment an operator would see "saved").
 */
public final class DurabilityChild {

    private DurabilityChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        SpringApplication app = new SpringApplication(CoreTestApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "spring.datasource.url", StoreUrl.forDirectory(dir),
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN"));
        ConfigurableApplicationContext ctx = app.run();
        StoreFixture fixture = ctx.getBean(StoreFixture.class).seed();
        MoveService moves = ctx.getBean(MoveService.class);
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; i < 100_000; i++) {
            Person person = fixture.knownPerson("Durable");
            Move booked = fixture.bookRequested(person, StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.uniqueDate());
            System.out.println("ACK BOOKED " + booked.getId());
            System.out.flush();
            Move accepted = moves.accept(StoreFixture.supplier(), booked.getId(), booked.getVersion(), null);
            System.out.println("ACK ACCEPTED " + accepted.getId());
            System.out.flush();
        }
        ctx.close();
    }
}
