package org.movedesk.ui.testing;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.NewOperator;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.CoreTestApplication;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.common.DomainEventBridge;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiExecutor;

/**
 * Base of the view-model tests: real core services on a real H2 file store (core's test
 * fixtures), core's after-commit events bridged to a {@link UiEventBus} through a direct
 * {@link UiExecutor}, and work run in the test's thread by {@link SameThreadTaskRunner}.
 */
@SpringBootTest(classes = {CoreTestApplication.class, ViewModelTest.UiBeans.class})
public abstract class ViewModelTest extends CoreIntegrationTest {

    public static final String PASSWORD = "correct-horse-battery";

    @Configuration(proxyBeanMethods = false)
    public static class UiBeans {
        @Bean
        UiEventBus uiEventBus() {
            return new UiEventBus();
        }

        @Bean
        DomainEventBridge domainEventBridge(UiEventBus bus) {
            return new DomainEventBridge(UiExecutor.direct(), bus);
        }
    }

    @Autowired
    protected UiEventBus events;

    @Autowired
    protected OperatorService operators;

    protected final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    protected final Session session = new Session();

    /** An operator account (created once per store) with {@link #PASSWORD}. */
    protected Actor operator(String username, Role... roles) {
        synchronized (ViewModelTest.class) {
            if (!operators.hasAnyOperator()) {
                operators.createFirstAdmin("first-admin", PASSWORD.toCharArray(), "First Admin");
            }
            Actor admin = operators.signIn("first-admin", PASSWORD.toCharArray(), StoreFixture.DESK);
            boolean exists = operators.list(admin).stream().anyMatch(view -> view.username().equals(username));
            if (!exists) {
                Set<Role> set = roles.length == 0 ? EnumSet.of(Role.PRISON_STAFF) : EnumSet.of(roles[0], roles);
                operators.create(admin, new NewOperator(username, username, PASSWORD.toCharArray(), set));
            }
            return operators.signIn(username, PASSWORD.toCharArray(), StoreFixture.DESK);
        }
    }

    protected Actor signIn(Actor actor) {
        session.signedIn(actor);
        return actor;
    }
}
