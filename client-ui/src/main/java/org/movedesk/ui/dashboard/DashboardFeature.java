package org.movedesk.ui.dashboard;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.ui.app.DeskIdentity;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.shell.NavigationEntry;

/** The dashboard: first in the sidebar (Ctrl+1). */
@Configuration(proxyBeanMethods = false)
public class DashboardFeature {

    public static final String ID = "dashboard";

    @Bean
    NavigationEntry dashboardEntry() {
        return NavigationEntry.sidebar(ID, "Dashboard", "mdal-dashboard", 10,
                "/org/movedesk/ui/dashboard/DashboardView.fxml", "Shortcut+1",
                actor -> actor.hasAny(Permissions.MOVE_READERS));
    }

    @Bean
    @Scope("prototype")
    DashboardViewModel dashboardViewModel(MoveQueries queries, OutboxService outbox, TaskRunner tasks,
                                          UiEventBus events, DeskIdentity desk, Clock clock, Session session) {
        return new DashboardViewModel(queries, outbox, tasks, events, desk::ownLocations,
                clock.withZone(ZoneId.systemDefault()), session);
    }
}
