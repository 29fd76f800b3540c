package org.movedesk.ui.app;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import org.movedesk.core.CoreConfiguration;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.sync.SyncConfiguration;
import org.movedesk.ui.common.DomainEventBridge;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiExecutor;
import org.movedesk.ui.common.ViewLoader;
import org.movedesk.ui.shell.NavigationEntry;
import org.movedesk.ui.shell.ShellViewModel;
import org.movedesk.ui.signin.LockViewModel;

/**
 * The desk's Spring Boot (non-web) context: core's services, the UI beans of every feature
 * package under {@code org.movedesk.ui} (each adds its views, view models and
 * {@link NavigationEntry}), and the event bridge.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
// test helpers live under .testing and .tools in the test sources; scanning must never pull them in
@ComponentScan(basePackages = "org.movedesk.ui", excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = {"org\\.movedesk\\.ui\\.testing\\..*", "org\\.movedesk\\.ui\\.tools\\..*", ".*Test(\\$.*)?"}))
@Import({CoreConfiguration.class, SyncConfiguration.class})
public class MoveDeskSpringConfig {

    /**
     * Builds Hibernate's entity manager factory on its own thread (ADR 0121): it is the slowest
     * start-up step, and with core's deferred repositories nothing needs it before the context
     * has refreshed, so it runs on the second core while the other beans are created.
     */
    @Bean
    EntityManagerFactoryBuilderCustomizer backgroundHibernateBootstrap() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jpa-bootstrap-");
        executor.setDaemon(true);
        return builder -> builder.setBootstrapExecutor(executor);
    }

    @Bean
    DomainEventBridge domainEventBridge(UiExecutor ui, UiEventBus bus) {
        return new DomainEventBridge(ui, bus);
    }

    @Bean
    ViewLoader viewLoader(ApplicationContext context) {
        return new ViewLoader(context::getBean);
    }

    @Bean
    ShellViewModel shellViewModel(List<NavigationEntry> entries, Session session) {
        return new ShellViewModel(entries, session);
    }

    @Bean
    LockViewModel lockViewModel(OperatorService operators, Session session, TaskRunner tasks, Clock clock,
                                org.springframework.core.env.Environment environment,
                                org.springframework.beans.factory.ObjectProvider<org.movedesk.core.security.SessionPolicy> policy) {
        return new LockViewModel(operators, session, tasks, clock,
                org.movedesk.ui.signin.LockTimeout.resolve(environment, policy.getIfAvailable()));
    }
}
