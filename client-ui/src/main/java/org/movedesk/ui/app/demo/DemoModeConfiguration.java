package org.movedesk.ui.app.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.movedesk.core.desk.DeskService;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.moves.MoveSyncService;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.people.PersonService;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sync.SyncEngine;
import org.movedesk.ui.common.DeskEnvironment;
import org.movedesk.ui.common.TaskRunner;

/**
 * Demo mode ({@code movedesk.mode=demo}, the default): the in-process sandbox (started by
 * {@code DeskBootstrap} before the context, so sync is pointed at it) plays the central
 * services; the demo store gets one operator per role before sign-in is usable, and is seeded
 * from the sandbox in the background on first start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "movedesk.mode", havingValue = "demo", matchIfMissing = true)
public class DemoModeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DemoModeConfiguration.class);

    @Bean
    DemoOperators demoOperators(OperatorService operators) {
        return new DemoOperators(operators);
    }

    @Bean
    DemoSeeder demoSeeder(Sandbox sandbox, LocationService locations, PersonService people, DeskService desk,
                          MoveSyncService moves, ObjectProvider<SyncEngine> sync) {
        return new DemoSeeder(sandbox, locations, people, desk, moves, sync.getIfAvailable());
    }

    @Bean
    DemoDataLoader demoDataLoader(DemoOperators operators, DemoSeeder seeder, DeskService desk,
                                  DeskEnvironment environment, TaskRunner tasks) {
        return new DemoDataLoader(operators, seeder, desk, environment, tasks);
    }

    /** The accounts exist before the sign-in form is usable; the data follows in the background. */
    @Bean
    ApplicationRunner demoOperatorsReady(DemoOperators operators, DeskService desk) {
        return (ApplicationArguments args) -> {
            operators.ensureAccounts(desk.current().deskId());
            LOG.info("Demo mode: sign in as staff/staff, supplier/supplier, supervisor/supervisor, rp/rp or admin/admin");
        };
    }
}
