package org.movedesk.core.bench;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.movedesk.core.CoreConfiguration;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.NewOperator;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.store.StoreUrl;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Adds the demo operators (one per role, password = user name, the same accounts as client-ui's
 * demo mode) to a generated store through core's own {@link OperatorService}: production
 * password hashing, history entries chained by the recorder after the generated ones.
 */
public final class BenchOperators {

    /** User name, display name, roles; the password is the user name. */
    record Account(String username, String displayName, Set<Role> roles) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("staff", "Sam Staff", EnumSet.of(Role.PRISON_STAFF)),
            new Account("supplier", "Sol Supplier", EnumSet.of(Role.SUPPLIER)),
            new Account("supervisor", "Sue Supervisor", EnumSet.of(Role.SUPERVISOR)),
            new Account("rp", "Robin Patients", EnumSet.of(Role.RP_SEARCH, Role.RP_TRANSFER, Role.RP_REMOVE,
                    Role.RP_MIGRATE)));
    static final Account ADMIN = new Account("admin", "Ada Admin", EnumSet.of(Role.ADMIN, Role.SUPERVISOR));
    static final String DESK = "bench-desk";

    /** Core with its production beans (clock, Argon2 parameters), nothing from the test fixtures. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CoreConfiguration.class)
    public static class CoreOnly {
    }

    private BenchOperators() {
    }

    static void addDemoOperators(Path dir) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CoreOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.datasource.url=" + StoreUrl.forDirectory(dir), "logging.level.root=WARN",
                        "spring.main.banner-mode=off",
                        // demo mode's rule (client-ui DeskBootstrap): password = user name, so short ones
                        "movedesk.security.min-password-length=2")
                .run()) {
            OperatorService operators = ctx.getBean(OperatorService.class);
            if (operators.hasAnyOperator()) {
                return;
            }
            operators.createFirstAdmin(ADMIN.username(), ADMIN.username().toCharArray(), ADMIN.displayName());
            Actor admin = operators.signIn(ADMIN.username(), ADMIN.username().toCharArray(), DESK);
            for (Account a : ACCOUNTS) {
                operators.create(admin, new NewOperator(a.username(), a.displayName(), a.username().toCharArray(),
                        a.roles()));
            }
        }
    }
}
