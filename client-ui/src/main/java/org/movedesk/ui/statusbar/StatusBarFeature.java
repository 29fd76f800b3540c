package org.movedesk.ui.statusbar;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.movedesk.core.outbox.OutboxService;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiExecutor;

/** The status bar's beans; one status bar view model for the whole window. */
@Configuration(proxyBeanMethods = false)
public class StatusBarFeature {

    @Bean
    @ConditionalOnMissingBean(SyncStatusSource.class)
    SyncStatusSource outboxSyncStatusSource(OutboxService outbox) {
        return new OutboxSyncStatusSource(outbox);
    }

    @Bean
    StatusBarViewModel statusBarViewModel(SyncStatusSource source, TaskRunner tasks, UiEventBus events,
                                          UiExecutor ui, Clock clock) {
        return new StatusBarViewModel(source, tasks, events, ui, clock.withZone(java.time.ZoneId.systemDefault()));
    }
}
